/**
 * The catalogues read outside vue-i18n, by the main process (tray, notifications, dialogs): the
 * same texts and keys the windows use, checked at compile time rather than by a scan.
 */
import type en from './en'
import { formatMessage, type MessageParams } from './format-message'
import { MESSAGES, type Language } from './languages'
import type { Words } from '../words'

type Catalogue = { readonly [key: string]: string | Catalogue }

/** Every text's dot path: 'shell.tray.quit', 'calls.unknownCaller'. */
type KeysOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : KeysOf<T[K], `${Prefix}${K}.`>
}[keyof T & string]

export type MessageKey = KeysOf<typeof en>
export type Translate = (key: MessageKey, params?: MessageParams) => string

function lookUp(catalogue: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined
    node = node[part]
  }
  return typeof node === 'string' ? node : undefined
}

/** Words `key` in `language`, English where that text is missing (as the windows' fallback). */
export function translator(language: Language): Translate {
  return (key, params) =>
    formatMessage(lookUp(MESSAGES[language], key) ?? lookUp(MESSAGES.en, key) ?? key, params)
}

/**
 * Words made outside the shell (a seat's hub line, the tunnel's state) in the shell's language;
 * a line without words is a sentence made elsewhere, said as it was made.
 */
export function translateLine(t: Translate, line: Words | string): string {
  if (typeof line === 'string') return line
  const named: Record<string, string | number> = {}
  for (const [name, param] of Object.entries(line.params ?? {})) {
    named[name] = typeof param === 'object' ? translateLine(t, param) : param
  }
  return t(`errors.${line.key}`, named)
}
