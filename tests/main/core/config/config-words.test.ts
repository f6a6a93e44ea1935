/**
 * What the settings file and the secrets file say to a window travels as words (issue 15, item
 * 4): a Spanish desk reads the settings file's notices and a refused save in Spanish, and a
 * secrets file open to other users, through the command that met it.
 */
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  ConfigError,
  FileSecretStore,
  SettingsStore,
  configFailure
} from '../../../../src/main/core/config'
import { settingsNotices } from '../../../../src/main/core/config/data-notices'
import { memoryLogger } from '../../../../src/main/core/log'
import { englishWords } from '../../../../src/shared/words-english'

const NOW = Date.UTC(2026, 11, 6, 10, 0, 0)

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'softphone-config-words-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error
  )
}

describe('the settings file’s notices', () => {
  it('are words, the problem inside them words too, and their English is the notice', async () => {
    await writeFile(join(dir, 'settings.json'), '{ not json')
    const store = await SettingsStore.open(dir, memoryLogger(), { now: () => NOW })
    const [said] = store.noticeWords()
    expect(said).toMatchObject({
      key: 'config.settingsFile.unreadable',
      params: { name: 'settings.json', problem: { key: 'config.settingsFile.notJson' } }
    })
    expect(store.notices()).toEqual([englishWords(said!)])
    expect(settingsNotices(store)).toEqual({
      settings: store.notices(),
      settingsWords: store.noticeWords()
    })
  })

  it('name the unusable settings in words', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ theme: 'dark', nope: 1 }))
    const store = await SettingsStore.open(dir, memoryLogger(), { now: () => NOW })
    expect(store.noticeWords()).toMatchObject([
      { key: 'config.settingsFile.unusableNamed', params: { fields: 'nope' } }
    ])
  })

  it('refuse a save over a file that could not be set aside, in words a command passes on', async () => {
    const target = join(dir, 'settings.unreadable-2026-12-06T10-00-00Z.json')
    await mkdir(join(target, 'taken'), { recursive: true })
    await writeFile(join(dir, 'settings.json'), '{ not json')
    const store = await SettingsStore.open(dir, memoryLogger(), { now: () => NOW })
    const error = await rejection(store.update({ theme: 'dark' }))
    expect(error).toBeInstanceOf(ConfigError)
    const failure = configFailure('invalid-request', error as ConfigError)
    expect(failure.words).toMatchObject({ key: 'config.settingsFile.unreadableKept' })
    expect(failure.message).toBe(store.notices()[0])
  })

  it('leave a file without notices with none, and no words', async () => {
    expect(settingsNotices({ notices: () => [] })).toEqual({ settings: [] })
  })
})

describe.skipIf(process.platform === 'win32')('a secrets file open to other users', () => {
  it('is refused in words naming the file and the command that fixes it', async () => {
    const store = new FileSecretStore(dir)
    await writeFile(store.file, '{}')
    await chmod(store.file, 0o644)
    const error = await rejection(store.get())
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).words).toEqual({
      key: 'config.secrets.fileOpen',
      params: { file: store.file, mode: '0644' }
    })
    expect((error as Error).message).toContain(`make it private with: chmod 600 "${store.file}"`)
  })
})
