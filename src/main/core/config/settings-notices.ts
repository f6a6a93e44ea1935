/**
 * The settings file's notices as a status carries them: the English sentences, and beside them
 * their words (same order) where the file's reader gave them, for each window's language.
 */
import type { DataNotices } from '../../../shared/api'
import type { Words } from '../../../shared/words'

export interface NoticeSource {
  notices?(): readonly string[]
  noticeWords?(): readonly Words[]
}

export function settingsNotices(
  source: NoticeSource
): Pick<DataNotices, 'settings' | 'settingsWords'> {
  const settings = [...(source.notices?.() ?? [])]
  const settingsWords = source.noticeWords?.() ?? []
  return settingsWords.length > 0 ? { settings, settingsWords: [...settingsWords] } : { settings }
}
