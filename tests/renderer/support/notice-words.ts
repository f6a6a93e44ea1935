import { wordNotice, type NoticeText } from '../../../src/renderer/src/stores/call-notices'
import { testI18n } from './renderer-setup'

type Worded<T> = Omit<T, 'text'> & { text: string }

/** A notice as the screen words it (in the test's language), so tests compare sentences. */
export function worded<T extends { text: NoticeText }>(notice: T): Worded<T>
export function worded<T extends { text: NoticeText }>(notice: T | undefined): Worded<T> | undefined
export function worded<T extends { text: NoticeText }>(notice: T | undefined) {
  return notice && { ...notice, text: wordNotice(notice.text, testI18n.global.t) }
}

/** Every notice's sentence, in order. */
export const noticeTexts = (notices: readonly { text: NoticeText }[]): string[] =>
  notices.map((notice) => worded(notice).text)
