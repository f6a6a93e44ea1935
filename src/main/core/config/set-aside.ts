/**
 * Files the app cannot read are set aside beside themselves, never deleted: a dated name in the same
 * folder, owner-only (they may hold who called, or a TURN password), flushed to disk before the
 * original lets go of the content.
 */
import { chmod, open, rename } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import { syncDir } from '../shared/atomic-write'

const isWindows = process.platform === 'win32'

/** settings.json -> settings.unreadable-2026-12-05T23-40-12Z.json (no colons: Windows forbids them). */
export function setAsidePath(file: string, at: number): string {
  const stamp = new Date(at)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-')
  const extension = extname(file)
  const stem = basename(file, extension)
  return join(dirname(file), `${stem}.unreadable-${stamp}${extension}`)
}

/** Appends to (or creates) `target` with mode 0600 and flushes it, and its folder entry, to disk. */
export async function appendSetAside(target: string, data: Uint8Array): Promise<void> {
  const handle = await open(target, 'a', 0o600)
  try {
    // open()'s mode is narrowed by the umask and ignored for an existing file; chmod is exact.
    if (!isWindows) await handle.chmod(0o600)
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await syncDir(dirname(target))
}

/** Renames `file` to `target` (same folder: atomic, nothing to copy) and makes it owner-only. */
export async function moveAside(file: string, target: string): Promise<void> {
  await rename(file, target)
  await syncDir(dirname(target))
  if (!isWindows) await chmod(target, 0o600).catch(() => undefined)
}
