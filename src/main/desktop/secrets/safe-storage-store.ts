/**
 * The core's SecretStore on Electron's safeStorage: the Page token, the app secret, the verify
 * token and the TURN password, encrypted with the operating system's keychain (macOS Keychain, Windows DPAPI, the Linux
 * Secret Service or KWallet) in one file in userData.
 *
 * Where nothing can encrypt them, nothing is written: the secrets live in memory for this session
 * only, and saving rejects with a sentence the UI shows, so the user knows to enter them again.
 * On Linux, safeStorage falls back to a hard-coded key ("basic_text") that encryption availability
 * does not reveal; that backend counts as unavailable, since its file would be readable by anyone.
 */
import { readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { SafeStorage } from 'electron'
import { z } from 'zod'
import type { ServiceError } from '../../../shared/api'
import { words, type Words } from '../../../shared/words'
import { englishWords, worded } from '../../../shared/words-english'
import {
  ensurePrivateDir,
  writeFileAtomic,
  type SecretStore,
  type Secrets,
  type SecretsPatch
} from '../../core/config'
import { registerSecret, type Logger } from '../../core/log'

export const SAFE_SECRETS_FILE = 'secrets.enc'

export type SafeStorageLike = Pick<
  SafeStorage,
  | 'isAsyncEncryptionAvailable'
  | 'encryptStringAsync'
  | 'decryptStringAsync'
  | 'getSelectedStorageBackend'
>

/** `reason`: why secrets cannot be saved, as words (each window says them in its language). */
export type SecretStorageState =
  { persistent: true; backend: string } | { persistent: false; reason: Words }

export const NO_SECURE_STORAGE = words('config.secrets.noSecureStorage')

export const NO_LINUX_KEYRING = words('config.secrets.noLinuxKeyring')

/**
 * Saving was refused: the patch applies for this session, but nothing reached the disk. A command
 * that lets it through reaches the UI as these words (the service's toServiceError reads them).
 */
export class SecretsNotSavedError extends Error {
  override readonly name = 'SecretsNotSavedError'

  constructor(readonly words: Words) {
    super(englishWords(words))
  }

  toServiceError(): ServiceError {
    return worded('not-configured', this.words)
  }
}

const KEYS = ['pageAccessToken', 'appSecret', 'verifyToken', 'turnCredential'] as const

const fileSchema = z.looseObject({
  pageAccessToken: z.string().optional(),
  appSecret: z.string().optional(),
  verifyToken: z.string().optional(),
  turnCredential: z.string().optional()
})

function applyPatch(base: Secrets, patch: SecretsPatch): Secrets {
  const out = { ...base }
  for (const key of KEYS) {
    const value = patch[key]
    if (value === undefined) continue
    if (value === null || value === '') delete out[key]
    else out[key] = value
  }
  return out
}

export interface SafeStorageStoreDeps {
  safeStorage: SafeStorageLike
  /** The encrypted file, e.g. <userData>/secrets.enc. */
  file: string
  platform: NodeJS.Platform
  logger: Logger
}

export class SafeStorageSecretStore implements SecretStore {
  private secrets: Secrets = {}
  private loading: Promise<void> | undefined
  private checking: Promise<SecretStorageState> | undefined
  private queue: Promise<unknown> = Promise.resolve()
  private readonly log: Logger

  constructor(private readonly deps: SafeStorageStoreDeps) {
    this.log = deps.logger.child('secrets')
  }

  /** Whether secrets can be saved; checked once a run, after the app is ready. */
  state(): Promise<SecretStorageState> {
    this.checking ??= this.check()
    return this.checking
  }

  async get(): Promise<Secrets> {
    await this.load()
    return { ...this.secrets }
  }

  /** Writes are serialised so two quick changes cannot lose one another. */
  set(patch: SecretsPatch): Promise<void> {
    const run = this.queue.then(async () => {
      await this.load()
      this.secrets = applyPatch(this.secrets, patch)
      for (const key of KEYS) registerSecret(this.secrets[key])
      const state = await this.state()
      if (!state.persistent) throw new SecretsNotSavedError(state.reason)
      await this.write()
    })
    this.queue = run.catch(() => undefined)
    return run
  }

  private async check(): Promise<SecretStorageState> {
    const { safeStorage, platform } = this.deps
    if (!(await safeStorage.isAsyncEncryptionAvailable())) {
      return { persistent: false, reason: NO_SECURE_STORAGE }
    }
    if (platform !== 'linux') return { persistent: true, backend: platform }
    const backend = safeStorage.getSelectedStorageBackend()
    // basic_text: a key compiled into Chromium; unknown: asked before the app was ready.
    if (backend === 'basic_text' || backend === 'unknown') {
      return { persistent: false, reason: NO_LINUX_KEYRING }
    }
    return { persistent: true, backend }
  }

  private load(): Promise<void> {
    this.loading ??= this.read().then((secrets) => {
      this.secrets = secrets
      for (const key of KEYS) registerSecret(secrets[key])
    })
    return this.loading
  }

  private async read(): Promise<Secrets> {
    let encrypted: Buffer
    try {
      encrypted = await readFile(this.deps.file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
      throw error
    }
    const state = await this.state()
    if (!state.persistent) {
      // Saved under a keyring this session cannot reach: left in place for a later session.
      this.log.warn('saved secrets cannot be decrypted without secure storage')
      return {}
    }
    try {
      const { result, shouldReEncrypt } = await this.deps.safeStorage.decryptStringAsync(encrypted)
      const parsed = fileSchema.parse(JSON.parse(result))
      const secrets: Secrets = {}
      for (const key of KEYS) if (parsed[key]) secrets[key] = parsed[key]
      if (shouldReEncrypt) {
        // The OS rotated its key: store again under the new one, while we still can decrypt.
        this.secrets = secrets
        await this.write().catch((error: unknown) =>
          this.log.warn('could not re-encrypt the saved secrets', { error })
        )
      }
      return secrets
    } catch (error) {
      // Another user's or machine's keychain, or a damaged file: the user enters them again, and
      // the next save replaces the file. Only the error's kind is logged: a JSON parse error
      // quotes the decrypted text.
      this.log.error('the saved secrets could not be decrypted', {
        error: error instanceof Error ? error.name : typeof error
      })
      return {}
    }
  }

  private async write(): Promise<void> {
    const payload: Secrets = {}
    for (const key of KEYS) if (this.secrets[key]) payload[key] = this.secrets[key]
    const encrypted = await this.deps.safeStorage.encryptStringAsync(JSON.stringify(payload))
    await ensurePrivateDir(dirname(this.deps.file))
    await writeFileAtomic(this.deps.file, encrypted)
  }
}
