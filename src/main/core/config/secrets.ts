/**
 * The Page access token, the app secret, the webhook verify token and the TURN server's password.
 * They live in main only and never in settings.json. The desktop app stores them with Electron's safeStorage behind the same
 * `SecretStore` interface; headless runs use an owner-only JSON file.
 */
import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { registerSecret } from '../log'
import { writeFileAtomic } from '../shared/atomic-write'
import { ConfigError } from './errors'
import { words } from '../../../shared/words'
import { ensurePrivateDir } from './private-files'

export const SECRETS_FILE = 'secrets.json'

export interface Secrets {
  pageAccessToken?: string | undefined
  appSecret?: string | undefined
  verifyToken?: string | undefined
  /** The password of the TURN server in settings.ice.turn (older versions kept it in settings). */
  turnCredential?: string | undefined
}

/** `null` removes a secret; `undefined` leaves it as it is. */
export type SecretsPatch = { [K in keyof Secrets]?: string | null | undefined }

export interface SecretStore {
  get(): Promise<Secrets>
  set(patch: SecretsPatch): Promise<void>
}

const SECRET_KEYS = ['pageAccessToken', 'appSecret', 'verifyToken', 'turnCredential'] as const

/** Loose: keys a newer version added survive a rewrite by this one. */
const secretsFileSchema = z.looseObject({
  pageAccessToken: z.string().optional(),
  appSecret: z.string().optional(),
  verifyToken: z.string().optional(),
  turnCredential: z.string().optional()
})
type SecretsFile = z.infer<typeof secretsFileSchema>

function pickSecrets(source: Secrets): Secrets {
  const out: Secrets = {}
  for (const key of SECRET_KEYS) {
    const value = source[key]
    // An empty string in the file means "not set", like an empty environment variable.
    if (value) {
      registerSecret(value)
      out[key] = value
    }
  }
  return out
}

function applyPatch<T extends Secrets>(base: T, patch: SecretsPatch): T {
  const out = { ...base }
  for (const key of SECRET_KEYS) {
    const value = patch[key]
    if (value === undefined) continue
    if (value === null || value === '') delete out[key]
    else {
      registerSecret(value)
      out[key] = value
    }
  }
  return out
}

/** For tests and for runs that must not touch the disk. */
export class MemorySecretStore implements SecretStore {
  private secrets: Secrets

  constructor(initial: Secrets = {}) {
    this.secrets = pickSecrets(initial)
  }

  async get(): Promise<Secrets> {
    return { ...this.secrets }
  }

  async set(patch: SecretsPatch): Promise<void> {
    this.secrets = applyPatch(this.secrets, patch)
  }
}

/**
 * secrets.json, mode 0600. A file that other users can read or write is refused rather than used:
 * its tokens may already have leaked, and the person running the app should know and decide.
 */
export class FileSecretStore implements SecretStore {
  readonly file: string
  private queue: Promise<unknown> = Promise.resolve()

  constructor(dir: string, fileName = SECRETS_FILE) {
    this.file = join(dir, fileName)
  }

  async get(): Promise<Secrets> {
    return pickSecrets(await this.read())
  }

  /** Writes are serialised so two quick changes cannot lose one another. */
  set(patch: SecretsPatch): Promise<void> {
    const run = this.queue.then(async () => {
      const next = applyPatch(await this.read(), patch)
      await ensurePrivateDir(dirname(this.file))
      await writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`)
    })
    this.queue = run.catch(() => undefined)
    return run
  }

  private async read(): Promise<SecretsFile> {
    let handle
    try {
      // O_NOFOLLOW: a symlink planted in the data folder must not redirect us to another file.
      handle = await open(this.file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
      throw error
    }
    try {
      // fstat on the open handle checks the very file we read, not whatever the path names later.
      const stat = await handle.stat()
      if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
        const mode = (stat.mode & 0o777).toString(8).padStart(4, '0')
        throw ConfigError.of(words('config.secrets.fileOpen', { file: this.file, mode }))
      }
      const text = await handle.readFile('utf8')
      let json: unknown
      try {
        json = text.trim() === '' ? {} : JSON.parse(text)
      } catch {
        throw ConfigError.of(words('config.secrets.fileNotJson', { file: this.file }))
      }
      const parsed = secretsFileSchema.safeParse(json)
      if (!parsed.success) {
        throw ConfigError.of(
          words('config.secrets.fileNotStrings', { file: this.file, keys: SECRET_KEYS.join(', ') })
        )
      }
      return parsed.data
    } finally {
      await handle.close()
    }
  }
}

/** A verify token Meta echoes back in the webhook handshake: 192 random bits, URL-safe. */
export function generateVerifyToken(): string {
  return randomBytes(24).toString('base64url')
}

/** Returns the stored verify token, creating and saving one the first time. */
export async function ensureVerifyToken(store: SecretStore): Promise<string> {
  const existing = (await store.get()).verifyToken
  if (existing) return existing
  const token = generateVerifyToken()
  await store.set({ verifyToken: token })
  return token
}
