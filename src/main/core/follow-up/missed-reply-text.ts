/**
 * The reply's words as the customer reads them, in the hub's language (its desk language, or the
 * computer's): the owner's text (or the suggested one) with {first_name} and {next_opening} filled
 * from the catalogue's `followUp` area, the same words and function the Settings preview uses.
 */
import en from '../../../shared/i18n/en/follow-up'
import es from '../../../shared/i18n/es/follow-up'
import { fillReply, firstNameOf, wordNextOpening } from '../../../shared/missed-reply'
import type { Settings } from '../../../shared/settings'

export type ReplyLanguage = 'en' | 'es'
type Words = typeof en

const CATALOGUES: Record<ReplyLanguage, Words> = { en, es }

/** The hub desk's language; "system" follows the computer's (Intl's default locale). */
export function replyLanguage(settings: Settings, systemLocale?: string): ReplyLanguage {
  const chosen = settings.desk.language
  if (chosen !== 'system') return chosen
  const locale = systemLocale ?? Intl.DateTimeFormat().resolvedOptions().locale
  return locale.toLowerCase().startsWith('es') ? 'es' : 'en'
}

export function replyWords(language: ReplyLanguage): Words {
  return CATALOGUES[language]
}

function named(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole)
}

/** The text, and the words of the button when one goes with it. */
export interface ReplyMessage {
  text: string
  title: string
}

/** The reply for one customer: the owner's text, or the suggested one when the owner left it empty. */
export function composeReply(
  settings: Settings,
  customerName: string | null | undefined,
  now: number,
  language: ReplyLanguage = replyLanguage(settings)
): ReplyMessage {
  const words = replyWords(language).reply
  const own = settings.missedCallReply.text.trim()
  const text = fillReply(own === '' ? words.defaultText : own, {
    firstName: firstNameOf(customerName) ?? words.unknownName,
    nextOpening: wordNextOpening(settings.hours.schedule, now, language, (key, values) =>
      named(words.nextOpening[key], values)
    )
  })
  return { text, title: words.buttonTitle }
}

/** The text above the button a desk sends from a history entry (item 4). */
export function callButtonMessage(settings: Settings): ReplyMessage {
  const words = replyWords(replyLanguage(settings))
  return { text: words.callButton.text, title: words.reply.buttonTitle }
}
