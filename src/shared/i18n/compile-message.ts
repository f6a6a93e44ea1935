/**
 * The catalogues' one message syntax: plain text with named placeholders ("Answer within
 * {seconds} s"). Compiling it here lets both windows bundle vue-i18n's runtime-only build, without
 * its general message compiler (about 90 KB the windows' size goals have no room for); a test
 * keeps every catalogue text within this syntax.
 */
import type { MessageCompiler, MessageContext } from 'vue-i18n'

/** Odd parts are placeholder names: "a {x} b".split → ["a ", "x", " b"]. */
const PLACEHOLDER = /\{(\w+)\}/

export const compileMessage: MessageCompiler = (message, { key, onError }) => {
  if (typeof message !== 'string') {
    onError?.(Object.assign(new SyntaxError(`${key}: only text messages are supported`)))
    return () => key
  }
  return (ctx: MessageContext) => fillPlaceholders(message, (name) => String(ctx.named(name)))
}

/** A catalogue text with each {name} replaced; main words its own sentences with it too. */
export function fillPlaceholders(text: string, value: (name: string) => string): string {
  return text
    .split(PLACEHOLDER)
    .map((part, index) => (index % 2 === 1 ? value(part) : part))
    .join('')
}
