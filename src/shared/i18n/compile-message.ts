/**
 * The catalogues' one message syntax: plain text with named placeholders ("Answer within
 * {seconds} s"). Compiling it here lets both windows bundle vue-i18n's runtime-only build, without
 * its general message compiler (about 90 KB the windows' size goals have no room for); a test
 * keeps every catalogue text within this syntax. The main process reads the same syntax with
 * format-message.ts, whose parts this compiler shares.
 */
import type { MessageCompiler, MessageContext } from 'vue-i18n'
import { fillParts, messageParts } from './format-message'

export const compileMessage: MessageCompiler = (message, { key, onError }) => {
  if (typeof message !== 'string') {
    onError?.(Object.assign(new SyntaxError(`${key}: only text messages are supported`)))
    return () => key
  }
  const parts = messageParts(message)
  return (ctx: MessageContext) => fillParts(parts, (name) => ctx.named(name))
}
