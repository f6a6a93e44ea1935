/**
 * The callback URL this desk registered with Meta last, kept in the data folder (0600): a reconnect
 * or a restart may register over that one (it is this desk's own old address), never over another.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../config/atomic-write'

export const LAST_REGISTERED_FILE = 'webhook-owner.json'

const Stored = z.looseObject({ callbackUrl: z.string().min(1), at: z.number() })

export interface LastRegistered {
  get(): Promise<string | undefined>
  set(callbackUrl: string): Promise<void>
}

export function lastRegisteredFile(dataDir: string): LastRegistered {
  const file = join(dataDir, LAST_REGISTERED_FILE)
  let cached: string | undefined
  let loaded = false
  return {
    async get() {
      if (loaded) return cached
      try {
        const parsed = Stored.safeParse(JSON.parse(await readFile(file, 'utf8')))
        cached = parsed.success ? parsed.data.callbackUrl : undefined
      } catch {
        // None yet, or unreadable: this desk registered nothing it can prove, so it looks first.
        cached = undefined
      }
      loaded = true
      return cached
    },
    async set(callbackUrl) {
      await writeFileAtomic(file, `${JSON.stringify({ callbackUrl, at: Date.now() })}\n`)
      cached = callbackUrl
      loaded = true
    }
  }
}
