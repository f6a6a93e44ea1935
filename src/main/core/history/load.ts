/**
 * Opening history.jsonl: read it, and set aside what cannot be read instead of dropping it.
 *
 * A line that is not a valid record (damage, or a record of a newer version of the app) is copied to
 * a dated file beside the history (history.unreadable-<time>.jsonl, owner-only) and flushed there
 * before the store rewrites history.jsonl without it: moved once, so it is not set aside again at
 * the next start. A last line without its newline is kept when it is a whole valid record, and set
 * aside like the others when it is a partial write. If setting aside fails, the lines stay in the
 * history file (and through its compactions): never lost, only not moved.
 */
import type { FileHandle } from 'node:fs/promises'
import { readFile } from 'node:fs/promises'
import { removeStaleTemps } from '../shared/atomic-write'
import { appendSetAside, setAsidePath } from '../config/set-aside'
import type { Logger } from '../log'
import { scanLines, type ScanResult } from './scan'
import { words, type Words } from '../../../shared/words'

const NEWLINE = Buffer.from('\n')
const LINE_NUMBERS_LOGGED = 5

export interface LoadedHistory {
  scan: ScanResult
  /** False when there was no file yet (the store creates it). */
  existed: boolean
  /** Unreadable lines, including a partial last line, in file order. */
  unreadable: Uint8Array[]
  /** Where they were set aside; undefined when there were none or setting aside failed. */
  setAsideFile: string | undefined
}

/** Reads the file and sets aside its unreadable lines; history.jsonl itself is not changed yet. */
export async function readHistoryFile(
  file: string,
  logger: Logger,
  now: number
): Promise<LoadedHistory> {
  await removeStaleTemps(file)
  const data = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw error
  })
  const scan = scanLines(data ?? new Uint8Array())
  const unreadable = scan.unreadable.map(({ bytes }) => bytes)
  if (scan.tail === 'partial' && data) unreadable.push(data.subarray(scan.validBytes))
  let setAsideFile: string | undefined
  if (unreadable.length > 0) {
    const target = setAsidePath(file, now)
    try {
      await appendSetAside(target, Buffer.concat(unreadable.flatMap((line) => [line, NEWLINE])))
      setAsideFile = target
    } catch (error) {
      logger.error('Could not set aside unreadable history lines; they stay in the history file', {
        file,
        setAside: target,
        count: unreadable.length,
        error
      })
    }
  }
  if (setAsideFile && scan.unreadable.length > 0) {
    logger.warn('Set aside history lines that are not valid records', {
      file,
      setAside: setAsideFile,
      count: scan.unreadable.length,
      lines: scan.unreadable.slice(0, LINE_NUMBERS_LOGGED).map(({ line }) => line)
    })
  }
  if (setAsideFile && scan.tail === 'partial') {
    logger.warn('Set aside a partial last history line, left by a crash mid-write', {
      file,
      setAside: setAsideFile,
      bytes: scan.tailBytes
    })
  }
  return { scan, existed: data !== undefined, unreadable, setAsideFile }
}

/**
 * Makes the file end with a newline before anything is appended, so a new line never glues onto
 * an old one: bytes after the last newline are cut off when there is nothing to keep in them (blank,
 * or a partial line already set aside), and otherwise ended with a newline (a valid record, or a
 * partial line that could not be set aside). Returns the file's length and complete lines after.
 */
export async function endWithNewline(
  handle: FileHandle,
  loaded: LoadedHistory
): Promise<{ size: number; lines: number }> {
  const { scan } = loaded
  if (scan.tailBytes === 0) return { size: scan.validBytes, lines: scan.lines }
  const keep = scan.tail === 'record' || (scan.tail === 'partial' && !loaded.setAsideFile)
  if (keep) {
    await handle.write(NEWLINE, 0, NEWLINE.length, null)
  } else {
    await handle.truncate(scan.validBytes)
  }
  await handle.datasync()
  return keep
    ? { size: scan.validBytes + scan.tailBytes + NEWLINE.length, lines: scan.lines + 1 }
    : { size: scan.validBytes, lines: scan.lines }
}

/** The sentence the History view shows, as words; undefined when every line could be read. */
export function unreadableNotice(loaded: LoadedHistory, file: string): Words | undefined {
  const count = loaded.unreadable.length
  if (count === 0) return undefined
  if (!loaded.setAsideFile) {
    return count === 1
      ? words('config.historyFile.oneStays', { file })
      : words('config.historyFile.manyStays', { count, file })
  }
  const kept = loaded.setAsideFile
  return count === 1
    ? words('config.historyFile.oneKept', { file: kept })
    : words('config.historyFile.manyKept', { count, file: kept })
}
