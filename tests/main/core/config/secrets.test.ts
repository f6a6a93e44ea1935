import { chmod, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ConfigError } from '../../../../src/main/core/config/errors'
import {
  FileSecretStore,
  MemorySecretStore,
  ensureVerifyToken
} from '../../../../src/main/core/config/secrets'
import { redactText } from '../../../../src/main/core/log'

const posix = process.platform !== 'win32'
let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'secrets-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('FileSecretStore', () => {
  it('reads nothing when there is no file', async () => {
    expect(await new FileSecretStore(dir).get()).toEqual({})
  })

  it.runIf(posix)('creates the file owner-only (0600), whatever the umask', async () => {
    const previous = process.umask(0o000)
    try {
      await new FileSecretStore(dir).set({ pageAccessToken: 'EAA-page-token-1' })
    } finally {
      process.umask(previous)
    }
    expect((await stat(join(dir, 'secrets.json'))).mode & 0o777).toBe(0o600)
  })

  it.runIf(posix)('refuses a file that others can read, naming the file and the fix', async () => {
    const file = join(dir, 'secrets.json')
    await writeFile(file, JSON.stringify({ appSecret: 'app-secret-1' }), { mode: 0o644 })
    await chmod(file, 0o644)
    const store = new FileSecretStore(dir)
    await expect(store.get()).rejects.toBeInstanceOf(ConfigError)
    await expect(store.get()).rejects.toThrow(`chmod 600 "${file}"`)
    await expect(store.get()).rejects.toThrow('mode 0644')
    // Writing must not quietly "fix" it either: the person should know the file was exposed.
    await expect(store.set({ verifyToken: 'abcdefgh' })).rejects.toBeInstanceOf(ConfigError)
    await chmod(file, 0o640)
    await expect(store.get()).rejects.toThrow('mode 0640')
  })

  it.runIf(posix)('accepts a 0600 file', async () => {
    const file = join(dir, 'secrets.json')
    await writeFile(file, JSON.stringify({ appSecret: 'app-secret-1', future: 1 }), { mode: 0o600 })
    await chmod(file, 0o600)
    const store = new FileSecretStore(dir)
    expect(await store.get()).toEqual({ appSecret: 'app-secret-1' })
    await store.set({ pageAccessToken: 'EAA-page-token-2' })
    // Keys from a newer version survive a rewrite.
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      appSecret: 'app-secret-1',
      future: 1,
      pageAccessToken: 'EAA-page-token-2'
    })
  })

  it.runIf(posix)('does not follow a symlink planted at the secrets path', async () => {
    const elsewhere = join(dir, 'elsewhere.json')
    await writeFile(elsewhere, '{}', { mode: 0o600 })
    await symlink(elsewhere, join(dir, 'secrets.json'))
    await expect(new FileSecretStore(dir).get()).rejects.toThrow()
  })

  it('refuses a file that is not JSON, naming it', async () => {
    const file = join(dir, 'secrets.json')
    await writeFile(file, 'not json', { mode: 0o600 })
    await expect(new FileSecretStore(dir).get()).rejects.toThrow(`${file} is not valid JSON`)
  })

  it('sets, removes with null, and masks the stored secrets in logs', async () => {
    const store = new FileSecretStore(dir)
    await store.set({ pageAccessToken: 'page-token-xyz-123', appSecret: 'app-secret-xyz' })
    await store.set({ appSecret: null })
    expect(await store.get()).toEqual({ pageAccessToken: 'page-token-xyz-123' })
    expect(redactText('token page-token-xyz-123 here')).toBe('token [redacted] here')
  })
})

describe('verify token', () => {
  it('is generated once and stays the same', async () => {
    const store = new FileSecretStore(dir)
    const first = await ensureVerifyToken(store)
    expect(first).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(await ensureVerifyToken(new FileSecretStore(dir))).toBe(first)
    expect((await store.get()).verifyToken).toBe(first)
  })

  it('keeps one that is already stored', async () => {
    const store = new MemorySecretStore({ verifyToken: 'mine-123' })
    expect(await ensureVerifyToken(store)).toBe('mine-123')
  })

  it('differs between installations', async () => {
    const a = await ensureVerifyToken(new MemorySecretStore())
    const b = await ensureVerifyToken(new MemorySecretStore())
    expect(a).not.toBe(b)
  })
})
