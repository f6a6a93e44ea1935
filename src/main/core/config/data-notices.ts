/**
 * What the core could not read in its data files, as a status carries it: the English sentences,
 * and beside them their words (same order) where the file's reader gave them, for each window's
 * language.
 */
import type { DataNotices } from '../../../shared/api'
import type { Words } from '../../../shared/words'

export interface NoticeSource {
  notices?(): readonly string[]
  noticeWords?(): readonly Words[]
}

type Area = 'history' | 'settings'
type AreaNotices<A extends Area> = Pick<DataNotices, A | `${A}Words`>

function noticesOf<A extends Area>(area: A, source: NoticeSource): AreaNotices<A> {
  const sentences = [...(source.notices?.() ?? [])]
  const said = [...(source.noticeWords?.() ?? [])]
  return (said.length > 0
    ? { [area]: sentences, [`${area}Words`]: said }
    : { [area]: sentences }) as unknown as AreaNotices<A> // computed keys widen to string
}

/** A seat's: it keeps no history of the hub's calls to read at start. */
export function settingsNotices(source: NoticeSource): AreaNotices<'settings'> {
  return noticesOf('settings', source)
}

export function dataNotices(history: NoticeSource, settings: NoticeSource): DataNotices {
  return { ...noticesOf('history', history), ...noticesOf('settings', settings) }
}
