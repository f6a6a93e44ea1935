/**
 * Whole-file replacement that a crash or power loss cannot tear: the reader sees the old content or
 * the new one, never a mix. Used for settings, secrets and history compaction.
 */
import { randomBytes } from 'node:crypto'
import { open, readdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export interface AtomicWriteOptions {
  /**
   * Permission bits of the new file; applied exactly, whatever the umask. Default 0o600: what the
   * app writes is for the person running it alone (see private-files.ts).
   */
  mode?: number
}

const isWindows = process.platform === 'win32'

function tempPrefix(file: string): string {
  return `.${basename(file)}.`
}

/**
 * Writes a temp file beside the target (same filesystem, so rename is atomic), flushes it, renames
 * it over the target, then flushes the directory so the rename itself survives a power loss.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {}
): Promise<void> {
  const mode = options.mode ?? 0o600
  const tmp = join(
    dirname(file),
    `${tempPrefix(file)}${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  )
  // 'wx': never follow or reuse something already at the temp path.
  const handle = await open(tmp, 'wx', mode)
  try {
    // open()'s mode is narrowed by the umask; chmod is not, so the file ends up exactly `mode`.
    if (!isWindows) await handle.chmod(mode)
    await handle.writeFile(data)
    await handle.sync()
  } catch (error) {
    await handle.close()
    await rm(tmp, { force: true })
    throw error
  }
  await handle.close()
  try {
    await renameWithRetry(tmp, file)
  } catch (error) {
    await rm(tmp, { force: true })
    throw error
  }
  await syncDir(dirname(file))
}

/**
 * On Windows a virus scanner or indexer briefly holding the target makes rename fail with
 * EPERM/EBUSY; a few short retries ride that out (the same trick graceful-fs uses).
 */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to)
      return
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const transient = code === 'EPERM' || code === 'EBUSY' || code === 'EACCES'
      if (!isWindows || !transient || attempt >= 5) throw error
      // Timer "atomic write retry" (once per retry, Windows only).
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt))
    }
  }
}

/** Flushes a directory entry (a create or rename) to disk. */
export async function syncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (isWindows) return
  let handle
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch {
    // Some filesystems refuse to fsync a directory: the rename is still atomic, only its
    // durability across a power cut is weaker. Not worth failing the write for.
  } finally {
    await handle?.close()
  }
}

/** Removes temp files a crash left behind mid-write (they hold nothing the target lacks). */
export async function removeStaleTemps(file: string): Promise<void> {
  const prefix = tempPrefix(file)
  let names: string[]
  try {
    names = await readdir(dirname(file))
  } catch {
    return
  }
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'))
      .map((name) => rm(join(dirname(file), name), { force: true }))
  )
}
