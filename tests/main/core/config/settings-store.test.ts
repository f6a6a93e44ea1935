import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ConfigError } from '../../../../src/main/core/config/errors'
import type { SettingsPatch } from '../../../../src/shared/settings'
import { SettingsStore } from '../../../../src/main/core/config/settings-store'
import { memoryLogger } from '../../../../src/main/core/log'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const file = (): string => join(dir, 'settings.json')
const readJson = async (): Promise<unknown> => JSON.parse(await readFile(file(), 'utf8'))

describe('SettingsStore', () => {
  it('starts from defaults without creating a file', async () => {
    const store = await SettingsStore.open(dir, memoryLogger())
    expect(store.get().webhook.port).toBe(47800)
    await expect(stat(file())).rejects.toThrow()
  })

  it('falls back per key and warns about a hand-edited file, never crashing', async () => {
    await writeFile(file(), JSON.stringify({ webhook: { port: 'abc' }, theme: 'dark', nope: 1 }))
    const logger = memoryLogger()
    const store = await SettingsStore.open(dir, logger)
    expect(store.get().webhook.port).toBe(47800)
    expect(store.get().theme).toBe('dark')
    const warnings = logger.entries.filter((e) => e.level === 'warn').map((e) => e.message)
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('webhook.port'),
        expect.stringContaining('nope')
      ])
    )
  })

  it.runIf(process.platform !== 'win32')(
    'writes the file and the set-aside copy of a bad one 0600, in a folder it creates 0700',
    async () => {
      const nested = join(dir, 'data')
      await mkdir(nested, { mode: 0o755 })
      await writeFile(join(nested, 'settings.json'), '{ "theme": ', { mode: 0o644 })
      await chmod(join(nested, 'settings.json'), 0o644)
      const store = await SettingsStore.open(nested, memoryLogger())
      await store.update({ theme: 'dark' })
      expect((await stat(join(nested, 'settings.json'))).mode & 0o777).toBe(0o600)
      const aside = (await readdir(nested)).filter((name) =>
        name.startsWith('settings.unreadable-')
      )
      expect(aside).toHaveLength(1)
      expect((await stat(join(nested, aside[0]!))).mode & 0o777).toBe(0o600)
      const fresh = join(dir, 'fresh', 'folder')
      await (await SettingsStore.open(fresh, memoryLogger())).update({ theme: 'dark' })
      expect((await stat(join(dir, 'fresh'))).mode & 0o777).toBe(0o700)
      expect((await stat(fresh)).mode & 0o777).toBe(0o700)
    }
  )

  it('deep-merges a patch, writes only the choices, and reloads them', async () => {
    const store = await SettingsStore.open(dir, memoryLogger())
    await store.update({ webhook: { port: 0 }, page: { pageId: '42' } })
    await store.update({ webhook: { path: '/hook' }, ice: { stunUrls: ['stun:a:1'] } })
    expect(store.get().webhook).toEqual({ port: 0, path: '/hook' })
    expect(await readJson()).toEqual({
      webhook: { port: 0, path: '/hook' },
      page: { pageId: '42' },
      ice: { stunUrls: ['stun:a:1'] }
    })
    const again = await SettingsStore.open(dir, memoryLogger())
    expect(again.get()).toEqual(store.get())
  })

  it('removes a key with null and leaves it alone with undefined', async () => {
    const store = await SettingsStore.open(dir, memoryLogger())
    await store.update({ page: { pageId: '1', appId: '2' }, ringTimeoutSeconds: 30 })
    await store.update({ page: { pageId: null, appId: undefined }, ringTimeoutSeconds: null })
    expect(store.get().page).toEqual({ appId: '2' })
    expect(store.get().ringTimeoutSeconds).toBe(50)
    expect(await readJson()).toEqual({ page: { appId: '2' } })
  })

  it('replaces the file atomically (a new inode, no temp file left behind)', async () => {
    const store = await SettingsStore.open(dir, memoryLogger())
    await store.update({ theme: 'dark' })
    const before = await stat(file())
    await store.update({ theme: 'light' })
    const after = await stat(file())
    // An in-place rewrite keeps the inode; rename of a fully written temp file replaces it.
    expect(after.ino).not.toBe(before.ino)
    expect(await readdir(dir)).toEqual(['settings.json'])
  })

  it('refuses a bad patch with an error naming the field, and changes nothing', async () => {
    const store = await SettingsStore.open(dir, memoryLogger())
    await store.update({ theme: 'dark' })
    const bad = store.update({ theme: 'light', webhook: { port: 70000 } })
    await expect(bad).rejects.toBeInstanceOf(ConfigError)
    await expect(bad).rejects.toThrow('Invalid setting "webhook.port": must be a whole number')
    const unknown = { audio: { volume: 2 } } as unknown as SettingsPatch
    await expect(store.update(unknown)).rejects.toThrow('"audio.volume": is not a setting')
    const polluting = JSON.parse('{"__proto__": {"polluted": true}}') as SettingsPatch
    await expect(store.update(polluting)).rejects.toThrow(ConfigError)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(store.get().theme).toBe('dark')
    expect(await readJson()).toEqual({ theme: 'dark' })
  })

  it('tells listeners about real changes only, and serialises concurrent updates', async () => {
    const store = await SettingsStore.open(dir, memoryLogger())
    const seen: [string, string][] = []
    const off = store.onChange((now, before) => seen.push([before.theme, now.theme]))
    await Promise.all([
      store.update({ theme: 'dark' }),
      store.update({ startAtLogin: true }),
      store.update({ theme: 'light' })
    ])
    await store.update({ theme: 'light' })
    expect(seen).toEqual([
      ['system', 'dark'],
      ['dark', 'dark'],
      ['dark', 'light']
    ])
    expect(await readJson()).toEqual({ theme: 'light', startAtLogin: true })
    off()
    await store.update({ theme: 'system' })
    expect(seen).toHaveLength(3)
  })

  it('hands out frozen settings', async () => {
    const store = await SettingsStore.open(dir, memoryLogger())
    expect(() => {
      ;(store.get().webhook as { port: number }).port = 1
    }).toThrow(TypeError)
  })
})

describe('SettingsStore: a file it cannot read is kept beside it, and the user told', () => {
  const NOW = Date.UTC(2026, 11, 5, 23, 40, 12, 345)
  const now = (): number => NOW
  const ASIDE = 'settings.unreadable-2026-12-05T23-40-12Z.json'
  const aside = (): string => join(dir, ASIDE)
  const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777

  it.each([
    ['not JSON', '{ "theme": "dark", ', 'it is not valid JSON'],
    ['JSON but not an object', '["dark"]\n', 'it does not hold settings']
  ])('starts on the defaults from a file that is %s, moved aside once', async (_, text, why) => {
    await writeFile(file(), text)
    const logger = memoryLogger()
    const store = await SettingsStore.open(dir, logger, { now })
    expect(store.get().theme).toBe('system')
    expect(await readFile(aside(), 'utf8')).toBe(text)
    if (process.platform !== 'win32') expect(await mode(aside())).toBe(0o600)
    await expect(stat(file())).rejects.toThrow()
    expect(store.notices()).toEqual([
      `settings.json could not be read (${why}), so the app started on the default settings; the file was kept as ${aside()}.`
    ])
    expect(logger.entries.some((e) => e.level === 'warn')).toBe(true)

    await store.update({ theme: 'light' })
    expect(await readJson()).toEqual({ theme: 'light' })
    const later = await SettingsStore.open(dir, memoryLogger(), { now: () => NOW + 60_000 })
    expect(later.notices()).toEqual([])
    expect((await readdir(dir)).sort()).toEqual(['settings.json', ASIDE])
  })

  it('keeps a copy of a file with unusable settings, then drops them from it, once', async () => {
    const text = JSON.stringify({ webhook: { port: 'abc' }, theme: 'dark', nope: 1 })
    await writeFile(file(), text)
    const store = await SettingsStore.open(dir, memoryLogger(), { now })
    expect(store.get().theme).toBe('dark')
    expect(await readFile(aside(), 'utf8')).toBe(text)
    if (process.platform !== 'win32') expect(await mode(aside())).toBe(0o600)
    // The unusable keys are gone from the file (the emptied group is harmless).
    expect(await readJson()).toEqual({ webhook: {}, theme: 'dark' })
    if (process.platform !== 'win32') expect(await mode(file())).toBe(0o600)
    expect(store.notices()).toEqual([
      `Some settings in settings.json could not be used (webhook.port, nope), so their defaults apply; the file as it was is kept as ${aside()}.`
    ])
    const later = await SettingsStore.open(dir, memoryLogger(), { now: () => NOW + 60_000 })
    expect(later.notices()).toEqual([])
    expect(later.get().theme).toBe('dark')
    expect((await readdir(dir)).sort()).toEqual(['settings.json', ASIDE])
  })

  it('refuses to save over a file it could not set aside, and says so', async () => {
    // Something already sits where the copy would go, so the move fails.
    await mkdir(join(aside(), 'taken'), { recursive: true })
    await writeFile(file(), '{ not json')
    const store = await SettingsStore.open(dir, memoryLogger(), { now })
    expect(store.get().theme).toBe('system')
    const sentence = `settings.json could not be read (it is not valid JSON) and could not be moved aside, so changes made here are not saved until it is fixed or removed: ${file()}.`
    expect(store.notices()).toEqual([sentence])
    await expect(store.update({ theme: 'dark' })).rejects.toThrow(sentence)
    expect(await readFile(file(), 'utf8')).toBe('{ not json')
  })

  it('keeps using a file with unusable settings as it is when no copy can be kept', async () => {
    await mkdir(join(aside(), 'taken'), { recursive: true })
    const text = JSON.stringify({ theme: 'dark', nope: 1 })
    await writeFile(file(), text)
    const store = await SettingsStore.open(dir, memoryLogger(), { now })
    expect(store.get().theme).toBe('dark')
    expect(store.notices()[0]).toMatch(/^Some settings in settings\.json could not be used, so /)
    await expect(store.update({ theme: 'light' })).rejects.toThrow(ConfigError)
    expect(await readFile(file(), 'utf8')).toBe(text)
  })
})
