/**
 * The new file of a compaction, written and fsynced beside the old one under a temp name that
 * `removeStaleTemps` clears after a crash (the same naming as shared/atomic-write).
 */
import { randomBytes } from 'node:crypto'
import { open, rm, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export interface Replacement {
  path: string
  /** Open for writes at chosen offsets; the caller renames the file and keeps the handle. */
  handle: FileHandle
}

export async function prepareReplacement(
  file: string,
  text: Uint8Array,
  zerosAhead: number,
  mode: number
): Promise<Replacement> {
  const path = join(
    dirname(file),
    `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  )
  // 'wx': never follow or reuse something already at the temp path.
  const handle = await open(path, 'wx+', mode)
  try {
    // open()'s mode is narrowed by the umask; chmod is not.
    if (process.platform !== 'win32') await handle.chmod(mode)
    await handle.write(Buffer.concat([text, Buffer.alloc(zerosAhead)]), 0, undefined, 0)
    await handle.sync()
    return { path, handle }
  } catch (error) {
    await handle.close()
    await rm(path, { force: true })
    throw error
  }
}
