import { wordNotice, type NoticeText } from '../../../src/renderer/src/stores/call-notices'
import { testI18n } from './renderer-setup'

type Worded<T> = Omit<T, 'text'> & { text: string }

/** A notice as the screen words it (in the test's language), so tests compare sentences. */
export function worded<T extends { text: NoticeText }>(notice: T): Worded<T>
export function worded<T extends { text: NoticeText }>(notice: T | undefined): Worded<T> | undefined
export function worded<T extends { text: NoticeText }>(notice: T | undefined) {
  // A service's sentence reads in English here, as its message (tests/renderer/composables/use-words
  // words it in Spanish through the component).
  const english = (said: string | { message: string }): string =>
    typeof said === 'string' ? said : said.message
  return notice && { ...notice, text: wordNotice(notice.text, testI18n.global.t, english) }
}

/** Every notice's sentence, in order. */
export const noticeTexts = (notices: readonly { text: NoticeText }[]): string[] =>
  notices.map((notice) => worded(notice).text)
