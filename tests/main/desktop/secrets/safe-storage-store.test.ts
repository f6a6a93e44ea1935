import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ensureVerifyToken } from '../../../../src/main/core/config'
import { memoryLogger, redactText } from '../../../../src/main/core/log'
import { toServiceError } from '../../../../src/main/core/service/errors'
import {
  NO_LINUX_KEYRING,
  NO_SECURE_STORAGE,
  SafeStorageSecretStore,
  SecretsNotSavedError
} from '../../../../src/main/desktop/secrets/safe-storage-store'
import { FakeSafeStorage } from '../../../mocks/electron'
import type { Words } from '../../../../src/shared/words'
import { englishWords } from '../../../../src/shared/words-english'

const TOKEN = 'EAAB-page-token-for-the-safe-storage-test-0001'
const SECRET = 'app-secret-for-the-safe-storage-test'

let dir: string
let file: string
let safeStorage: FakeSafeStorage

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'softphone-secrets-'))
  file = join(dir, 'secrets.enc')
  safeStorage = new FakeSafeStorage()
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function store(platform: NodeJS.Platform = 'linux', logger = memoryLogger()) {
  return new SafeStorageSecretStore({ safeStorage, file, platform, logger })
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false
  )
}

describe('SafeStorageSecretStore with secure storage', () => {
  it('encrypts the secrets into an owner-only file and reads them back in a new session', async () => {
    await store().set({ pageAccessToken: TOKEN, appSecret: SECRET })
    const raw = await readFile(file)
    expect(raw.toString('latin1')).not.toContain(TOKEN)
    expect(raw.toString('latin1')).not.toContain(SECRET)
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600)
    await expect(store().get()).resolves.toEqual({ pageAccessToken: TOKEN, appSecret: SECRET })
    await expect(store().state()).resolves.toEqual({ persistent: true, backend: 'gnome_libsecret' })
  })

  it('removes a secret patched to null and keeps the others', async () => {
    const secrets = store()
    await secrets.set({ pageAccessToken: TOKEN, appSecret: SECRET })
    await secrets.set({ pageAccessToken: null })
    await expect(store().get()).resolves.toEqual({ appSecret: SECRET })
  })

  it('serialises quick changes so none is lost', async () => {
    const secrets = store()
    await Promise.all([
      secrets.set({ pageAccessToken: TOKEN }),
      secrets.set({ appSecret: SECRET }),
      secrets.set({ verifyToken: 'verify-1234' })
    ])
    await expect(store().get()).resolves.toEqual({
      pageAccessToken: TOKEN,
      appSecret: SECRET,
      verifyToken: 'verify-1234'
    })
  })

  it('generates the verify token once, like the headless store', async () => {
    const first = await ensureVerifyToken(store())
    expect(await ensureVerifyToken(store())).toBe(first)
  })

  it('masks the secrets it holds in every later log line', async () => {
    await store().set({ pageAccessToken: 'a-token-never-seen-before-9876' })
    expect(redactText('sent a-token-never-seen-before-9876 to Graph')).toBe(
      'sent [redacted] to Graph'
    )
  })

  it('re-encrypts when the OS says its key was rotated', async () => {
    await store().set({ appSecret: SECRET })
    safeStorage.rotateKey = true
    safeStorage.encrypted.length = 0
    await expect(store().get()).resolves.toEqual({ appSecret: SECRET })
    expect(safeStorage.encrypted).toEqual([JSON.stringify({ appSecret: SECRET })])
  })

  it('starts empty, without logging its content, when the file cannot be decrypted', async () => {
    await writeFile(file, Buffer.from(`FAKE1${'{"pageAccessToken": "EAAleak'}`))
    const log = memoryLogger()
    await expect(store('linux', log).get()).resolves.toEqual({})
    expect(JSON.stringify(log.entries)).not.toContain('EAAleak')
    expect(log.entries.some((e) => e.level === 'error')).toBe(true)
  })

  it('does not ask Linux for its backend on macOS and Windows', async () => {
    safeStorage.backend = 'basic_text'
    await expect(store('darwin').state()).resolves.toEqual({ persistent: true, backend: 'darwin' })
    await expect(store('win32').state()).resolves.toMatchObject({ persistent: true })
  })
})

describe.each<[string, (s: FakeSafeStorage) => void, Words]>([
  ['no encryption at all', (s) => (s.available = false), NO_SECURE_STORAGE],
  ['the Linux basic_text fallback', (s) => (s.backend = 'basic_text'), NO_LINUX_KEYRING]
])('SafeStorageSecretStore without secure storage: %s', (_name, breakIt, reason) => {
  const sentence = englishWords(reason)
  beforeEach(() => breakIt(safeStorage))

  it('refuses to save, says why in a sentence, and writes nothing', async () => {
    const secrets = store()
    const saving = secrets.set({ pageAccessToken: TOKEN })
    await expect(saving).rejects.toBeInstanceOf(SecretsNotSavedError)
    await expect(saving).rejects.toThrow(sentence)
    expect(await exists(file)).toBe(false)
    expect(safeStorage.encrypted).toEqual([])
    await expect(secrets.state()).resolves.toEqual({ persistent: false, reason })
    // Through the service, the UI gets the sentence itself, not "something went wrong", in words.
    const failure = toServiceError(await saving.catch((error: unknown) => error))
    expect(failure).toMatchObject({ code: 'not-configured', message: sentence, words: reason })
  })

  it('keeps the secrets for this session only', async () => {
    const secrets = store()
    await secrets.set({ pageAccessToken: TOKEN }).catch(() => undefined)
    await expect(secrets.get()).resolves.toEqual({ pageAccessToken: TOKEN })
    await expect(store().get()).resolves.toEqual({})
  })

  it('leaves a file saved under a keyring in place for a later session', async () => {
    await writeFile(file, 'FAKE1-encrypted-elsewhere')
    await expect(store().get()).resolves.toEqual({})
    await expect(readFile(file, 'utf8')).resolves.toBe('FAKE1-encrypted-elsewhere')
  })
})
