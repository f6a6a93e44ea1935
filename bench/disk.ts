/**
 * Where the benchmark's journal lives: on a real disk, because an fsync on tmpfs costs nothing and
 * would flatter the durable acknowledgement. BENCH_DIR wins; otherwise the system temp folder if
 * it is a real disk, else a folder inside the project.
 */
import { mkdtemp, statfs } from 'node:fs/promises'
import os from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** statfs(2) f_type of tmpfs and ramfs (Linux): memory, not a disk. */
const MEMORY_FILESYSTEMS = new Set([0x01021994, 0x858458f6])

async function inMemory(dir: string): Promise<boolean> {
  const { type } = await statfs(dir)
  return MEMORY_FILESYSTEMS.has(type)
}

export async function benchDataDir(): Promise<{ dir: string; onDisk: boolean }> {
  const chosen = process.env['BENCH_DIR']
  if (chosen) {
    return { dir: await mkdtemp(join(chosen, 'bench-journal-')), onDisk: !(await inMemory(chosen)) }
  }
  const project = fileURLToPath(new URL('..', import.meta.url))
  for (const base of [os.tmpdir(), project]) {
    if (await inMemory(base)) continue
    return { dir: await mkdtemp(join(base, 'bench-journal-')), onDisk: true }
  }
  return { dir: await mkdtemp(join(os.tmpdir(), 'bench-journal-')), onDisk: false }
}
