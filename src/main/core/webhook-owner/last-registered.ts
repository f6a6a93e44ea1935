/**
 * The callback URL this desk registered with Meta last, for which app, kept in the data folder
 * (0600): a reconnect or a restart may register over that one (it is this desk's own old address),
 * never over another. Another app (the owner connected a different one) starts with nothing.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../shared/atomic-write'

export const LAST_REGISTERED_FILE = 'webhook-owner.json'

const Stored = z.looseObject({
  callbackUrl: z.string().min(1),
  appId: z.string().optional(),
  at: z.number()
})
type Stored = z.infer<typeof Stored>

export interface LastRegistered {
  get(): Promise<string | undefined>
  set(callbackUrl: string): Promise<void>
}

/** `appId`: the app as it is now (onboarding may change it). */
export function lastRegisteredFile(
  dataDir: string,
  appId: () => string | undefined = () => undefined
): LastRegistered {
  const file = join(dataDir, LAST_REGISTERED_FILE)
  let cached: Stored | undefined
  let loaded = false
  return {
    async get() {
      if (!loaded) {
        try {
          const parsed = Stored.safeParse(JSON.parse(await readFile(file, 'utf8')))
          cached = parsed.success ? parsed.data : undefined
        } catch {
          // None yet, or unreadable: this desk registered nothing it can prove, so it looks first.
          cached = undefined
        }
        loaded = true
      }
      return cached && cached.appId === appId() ? cached.callbackUrl : undefined
    },
    async set(callbackUrl) {
      const next = { callbackUrl, appId: appId(), at: Date.now() }
      await writeFileAtomic(file, `${JSON.stringify(next)}\n`)
      cached = next
      loaded = true
    }
  }
}
