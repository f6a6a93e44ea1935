/**
 * The catalogues' one message syntax, read once for both readers: vue-i18n's compiler in the
 * windows (compile-message.ts) and the main process's own translator (translate.ts), so a text
 * reads the same wherever it is shown.
 */

/** Odd parts are placeholder names: "a {x} b".split → ["a ", "x", " b"]. */
const PLACEHOLDER = /\{(\w+)\}/

export type MessageParts = readonly string[]

export function messageParts(message: string): MessageParts {
  return message.split(PLACEHOLDER)
}

/** The parts joined, each placeholder replaced by what `named` gives for its name. */
export function fillParts(parts: MessageParts, named: (name: string) => unknown): string {
  return parts.map((part, index) => (index % 2 === 1 ? String(named(part)) : part)).join('')
}

export type MessageParams = Readonly<Record<string, string | number>>

/** "Open {app}" with { app: 'Softphone' } → "Open Softphone"; a missing param is left as written. */
export function formatMessage(message: string, params: MessageParams = {}): string {
  return fillParts(messageParts(message), (name) =>
    Object.hasOwn(params, name) ? params[name] : `{${name}}`
  )
}
