/**
 * The catalogues' one message syntax: plain text with named placeholders ("Answer within
 * {seconds} s"). Compiling it here lets both windows bundle vue-i18n's runtime-only build, without
 * its general message compiler (about 90 KB the windows' size goals have no room for); a test
 * keeps every catalogue text within this syntax.
 */
import type { MessageCompiler, MessageContext } from 'vue-i18n'

/** Odd parts are placeholder names: "a {x} b".split → ["a ", "x", " b"]. */
const PLACEHOLDER = /\{(\w+)\}/

/**
 * The context's own joining, which vue-i18n leaves out of its types: `t()` gets text, while
 * `<i18n-t>` gets its slots (a link inside a sentence) as elements among the words.
 */
type JoiningContext = MessageContext & {
  interpolate?: (value: unknown) => unknown
  normalize?: (values: unknown[]) => string
}

export const compileMessage: MessageCompiler = (message, { key, onError }) => {
  if (typeof message !== 'string') {
    onError?.(Object.assign(new SyntaxError(`${key}: only text messages are supported`)))
    return () => key
  }
  const parts = message.split(PLACEHOLDER)
  return (ctx: MessageContext) => {
    const { interpolate = String, normalize = (values) => values.join('') } = ctx as JoiningContext
    return normalize(
      parts.map((part, index) => (index % 2 === 1 ? interpolate(ctx.named(part)) : part))
    )
  }
}
