/**
 * Every file the app writes is for the person running it alone: created 0600 in folders 0700
 * (POSIX), whatever the umask. Files an older version (or a hand edit, or a copy) left open to
 * other users are tightened at start, and the log says so once.
 *
 * The API for any module that writes to the data folder:
 * - `ensurePrivateDir(dir)`: creates the folder (and its parents) 0700; an existing one is left as
 *   it is (the start sweep tightens it, and says so).
 * - `openPrivateFile(file, flags)`: opens a file, created 0600 if new, never through a symlink;
 *   e.g. a journal or a log opened for append (`'a'`).
 * - `writeFileAtomic(file, data)` (atomic-write.ts): whole-file replacement, 0600 by default.
 * - `tightenPrivateFolders([{ dir, files }], logger)`: the start sweep, one log line for all it
 *   changed; `isAppDataFile` says which files of the data folder are the app's (a new kind of
 *   file whose name it does not match is added there).
 * Windows has no mode bits: there the folder's ACL (the user's profile) is what keeps files private.
 */
import { constants, mkdirSync } from 'node:fs'
import { chmod, lstat, mkdir, open, readdir, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from '../log'

export const PRIVATE_FILE_MODE = 0o600
export const PRIVATE_DIR_MODE = 0o700
/** Bits that let anyone but the owner read, write or enter. */
const OTHERS = 0o077

const isWindows = process.platform === 'win32'

/**
 * Creates `dir` (and missing parents) 0700. An existing folder is not changed here (the start
 * sweep tightens it, and says so). The umask can only take bits away from a mode, never add any.
 */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
}

/** The same, for code that must not wait (electron-log creates its folder synchronously). */
export function ensurePrivateDirSync(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
}

/**
 * Opens `file` with `flags` ('a' to append, 'r+' ...), created 0600 when new. A symlink at the
 * path is refused (ELOOP): one planted in the data folder must not send our writes elsewhere.
 */
export async function openPrivateFile(
  file: string,
  flags: 'a' | 'a+' | 'r+' | 'w'
): Promise<FileHandle> {
  const nofollow = isWindows ? 0 : constants.O_NOFOLLOW
  const numeric = {
    a: constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT,
    'a+': constants.O_RDWR | constants.O_APPEND | constants.O_CREAT,
    'r+': constants.O_RDWR,
    w: constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC
  }[flags]
  return open(file, numeric | nofollow, PRIVATE_FILE_MODE)
}

export interface TightenedPath {
  path: string
  /** The mode it had, e.g. "0644". */
  was: string
}

export interface PrivateFolder {
  dir: string
  /** Which of its files are the app's, by name (default: all of them). */
  files?: (name: string) => boolean
}

/**
 * The app's own files in its data folder, by name: settings.json and the copies set aside beside
 * it (settings.unreadable-*), the desktop's encrypted secrets.enc, the call history and its
 * set-aside copies (history.unreadable-*), the bridge file, the webhook journal and the record of
 * calls seen (seen-calls.jsonl, for replays), the seat link's keys and desks (seat-link-*).
 * Anything else there keeps its mode: Chromium's profile files on the desktop, or whatever else
 * shares a folder SOFTPHONE_DATA_DIR names. secrets.json is not in
 * it on purpose: one that others can read is refused (its tokens may have leaked), not fixed.
 */
export function isAppDataFile(name: string): boolean {
  return (
    /^(settings\.json|settings\.unreadable-|secrets\.enc|history\.jsonl|history\.unreadable-|bridge\.json|seen-calls\.jsonl|webhook-owner\.json|missed-replies\.|seat-link-)/.test(
      name
    ) || /journal/i.test(name)
  )
}

function octal(mode: number): string {
  return (mode & 0o777).toString(8).padStart(4, '0')
}

/**
 * Tightens `dir` to 0700 and its files (those `files` names) to 0600. Subfolders are not entered
 * and symlinks are never followed. A folder that does not exist is not an error.
 */
export async function tightenFolder({ dir, files }: PrivateFolder): Promise<TightenedPath[]> {
  if (isWindows) return []
  const changed: TightenedPath[] = []
  let stat
  try {
    stat = await lstat(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  if (!stat.isDirectory()) return []
  if ((stat.mode & OTHERS) !== 0) {
    await chmod(dir, PRIVATE_DIR_MODE)
    changed.push({ path: dir, was: octal(stat.mode) })
  }
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isFile() || (files && !files(entry.name))) continue
    const tightened = await tightenFile(join(dir, entry.name))
    if (tightened) changed.push(tightened)
  }
  return changed
}

/** fchmod on a handle opened without following links: the file checked is the file changed. */
async function tightenFile(file: string): Promise<TightenedPath | undefined> {
  let handle: FileHandle
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  } catch {
    // Gone meanwhile, or not ours to open: nothing to tighten.
    return undefined
  }
  try {
    const stat = await handle.stat()
    if (!stat.isFile() || (stat.mode & OTHERS) === 0) return undefined
    await handle.chmod(PRIVATE_FILE_MODE)
    return { path: file, was: octal(stat.mode) }
  } finally {
    await handle.close()
  }
}

/**
 * The start sweep: tightens each folder (see `tightenFolder`) and logs one line naming every path
 * it changed, or nothing when all were private already. Never throws: a file it cannot change is
 * logged, and the app starts anyway.
 */
export async function tightenPrivateFolders(
  folders: readonly PrivateFolder[],
  logger: Logger
): Promise<TightenedPath[]> {
  const changed: TightenedPath[] = []
  for (const folder of folders) {
    try {
      changed.push(...(await tightenFolder(folder)))
    } catch (error) {
      logger.warn('Could not make a data folder private', {
        folder: folder.dir,
        error: String(error)
      })
    }
  }
  if (changed.length > 0) {
    logger.warn(
      'Made files private that other users of this computer could read (now 0600, folders 0700)',
      {
        paths: changed.map(({ path, was }) => `${path} (was ${was})`)
      }
    )
  }
  return changed
}
