import { chmod, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../../../src/main/core/shared/atomic-write'
import {
  ensurePrivateDir,
  isAppDataFile,
  openPrivateFile,
  tightenPrivateFolders
} from '../../../../src/main/core/config/private-files'
import { memoryLogger } from '../../../../src/main/core/log'

const posix = process.platform !== 'win32'
const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777

let root: string
let umask: number
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'private-files-'))
  // The most permissive umask a machine can have: modes must not depend on it.
  umask = process.umask(0)
})
afterEach(async () => {
  process.umask(umask)
  await rm(root, { recursive: true, force: true })
})

describe.runIf(posix)('private files', () => {
  it('creates folders 0700 and files 0600 whatever the umask', async () => {
    const dir = join(root, 'a', 'b')
    await ensurePrivateDir(dir)
    expect(await modeOf(join(root, 'a'))).toBe(0o700)
    expect(await modeOf(dir)).toBe(0o700)
    const handle = await openPrivateFile(join(dir, 'journal.jsonl'), 'a')
    await handle.appendFile('line\n')
    await handle.close()
    expect(await modeOf(join(dir, 'journal.jsonl'))).toBe(0o600)
    await writeFileAtomic(join(dir, 'settings.json'), '{}\n')
    expect(await modeOf(join(dir, 'settings.json'))).toBe(0o600)
  })

  it('never writes through a symlink planted where a private file goes', async () => {
    const target = join(root, 'elsewhere.txt')
    await writeFile(target, 'untouched')
    await symlink(target, join(root, 'journal.jsonl'))
    await expect(openPrivateFile(join(root, 'journal.jsonl'), 'a')).rejects.toThrow()
    expect(await readFile(target, 'utf8')).toBe('untouched')
  })

  it('tightens the app’s files others could read, leaves the rest, and says so in one line', async () => {
    await chmod(root, 0o755)
    await writeFile(join(root, 'settings.json'), '{}', { mode: 0o644 })
    await writeFile(join(root, 'history.jsonl'), '', { mode: 0o666 })
    await writeFile(join(root, 'bridge.json'), '{}', { mode: 0o600 })
    const asideAndJournals = [
      'history.unreadable-2026-12-05T23-40-12Z.jsonl',
      'settings.unreadable-2026-12-05T23-40-12Z.json',
      'journal.jsonl',
      'seen-calls.jsonl'
    ]
    for (const name of asideAndJournals) await writeFile(join(root, name), '', { mode: 0o644 })
    await writeFile(join(root, 'secrets.json'), '{}', { mode: 0o644 })
    await writeFile(join(root, 'Preferences'), '{}', { mode: 0o644 })
    await mkdir(join(root, 'Cache'), { mode: 0o755 })
    await writeFile(join(root, 'Cache', 'data_0'), '', { mode: 0o644 })
    const outside = join(tmpdir(), `private-files-outside-${process.pid}`)
    await writeFile(outside, '', { mode: 0o644 })
    await symlink(outside, join(root, 'link.json'))
    const logger = memoryLogger()
    try {
      const folders = [{ dir: root, files: isAppDataFile }, { dir: join(root, 'missing') }]
      const changed = await tightenPrivateFolders(folders, logger)
      expect(changed.map((entry) => entry.path).sort()).toEqual(
        [
          root,
          join(root, 'history.jsonl'),
          join(root, 'settings.json'),
          ...asideAndJournals.map((name) => join(root, name))
        ].sort()
      )
      for (const name of asideAndJournals) expect(await modeOf(join(root, name))).toBe(0o600)
      expect(await modeOf(root)).toBe(0o700)
      expect(await modeOf(join(root, 'settings.json'))).toBe(0o600)
      expect(await modeOf(join(root, 'history.jsonl'))).toBe(0o600)
      // Left as found: secrets.json (refused elsewhere), another program's files and subfolder, a
      // symlink's target.
      expect(await modeOf(join(root, 'secrets.json'))).toBe(0o644)
      expect(await modeOf(join(root, 'Preferences'))).toBe(0o644)
      expect(await modeOf(join(root, 'Cache', 'data_0'))).toBe(0o644)
      expect(await modeOf(outside)).toBe(0o644)
      const warnings = logger.entries.filter((entry) => entry.level === 'warn')
      expect(warnings).toHaveLength(1)
      expect(warnings[0]?.fields.paths).toContain(`${join(root, 'settings.json')} (was 0644)`)
      // A second start finds nothing to do and says nothing.
      expect(await tightenPrivateFolders(folders, logger)).toEqual([])
      expect(logger.entries.filter((entry) => entry.level === 'warn')).toHaveLength(1)
    } finally {
      await rm(outside, { force: true })
    }
  })
})
