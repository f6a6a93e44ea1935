/**
 * The languages the app speaks, every catalogue whole, and how a desk picks one (issue 15, item
 * 4), shared by the main process (its tray, notifications and dialogs) and the tests, so both
 * speak the same language for the same setting. The windows do not bundle this: each loads only
 * the language and areas it needs (renderer/src/i18n).
 */
import en from './en'
import es from './es'
import type { Language } from './language-choice'

export { LANGUAGES, resolveLanguage, systemLanguage } from './language-choice'
export type { Language, LanguageChoice } from './language-choice'

export const MESSAGES = { en, es } satisfies Record<Language, typeof en>
