/**
 * The non-secret settings, stored as settings.json in the data folder. Every key has a default or
 * is optional, so an empty file (or none) is a valid configuration. Secrets never live here: see
 * secrets.ts.
 */
import { z } from 'zod'
import { BusinessHours } from './business-hours'
import { MAX_REPLY_TEXT, REPLY_EXTRAS } from './missed-reply'
import {
  DEFAULT_GRAPH_API_VERSION,
  DEFAULT_RING_TIMEOUT_SECONDS,
  DEFAULT_SEAT_LAN_PORT,
  DEFAULT_STUN_URLS,
  DEFAULT_WEBHOOK_PATH,
  DEFAULT_WEBHOOK_PORT,
  GRAPH_API_VERSION,
  GRAPH_ID,
  MAX_RING_TIMEOUT_SECONDS,
  SUBDOMAIN,
  WEBHOOK_PATH,
  parseHttpUrl
} from './settings-fields'

const graphId = z.string().regex(GRAPH_ID, 'must be an id of digits, letters, "_" or "-"')
const httpUrl = z
  .string()
  .refine((value) => parseHttpUrl(value) !== undefined, 'must be an http(s) URL without a query')
const deviceId = z.string().max(1024)

export const TUNNEL_MODES = ['none', 'localtunnel', 'own-url'] as const
export type TunnelMode = (typeof TUNNEL_MODES)[number]

/** The ringtones the renderer generates on the fly (src/renderer/src/media/ringtone.ts). */
export const RINGTONES = ['classic', 'chime', 'digital'] as const
export type RingtoneName = (typeof RINGTONES)[number]

export const settingsSchema = z.strictObject({
  page: z
    .strictObject({
      pageId: graphId.optional(),
      appId: graphId.optional()
    })
    .prefault({}),
  /**
   * No Graph address here: the Page token, the app secret and the app token go where it points, so
   * only the environment (GRAPH_API_URL) may move it, never a command or a file a UI can write.
   */
  graph: z
    .strictObject({
      apiVersion: z
        .string()
        .regex(GRAPH_API_VERSION, 'must look like v26.0')
        .default(DEFAULT_GRAPH_API_VERSION)
    })
    .prefault({}),
  webhook: z
    .strictObject({
      port: z
        .number({ error: 'must be a whole number from 0 to 65535' })
        .int('must be a whole number from 0 to 65535')
        .min(0, 'must be a whole number from 0 to 65535')
        .max(65535, 'must be a whole number from 0 to 65535')
        .default(DEFAULT_WEBHOOK_PORT),
      path: z
        .string()
        .regex(WEBHOOK_PATH, 'must start with "/" and hold no spaces, "?" or "#"')
        .default(DEFAULT_WEBHOOK_PATH)
    })
    .prefault({}),
  tunnel: z
    .strictObject({
      /** Desktop onboarding picks the mode; until then nothing is exposed to the internet. */
      mode: z.enum(TUNNEL_MODES).default('none'),
      /** localtunnel server, e.g. https://localtunnel.me. */
      host: httpUrl.optional(),
      subdomain: z.string().regex(SUBDOMAIN, 'must be one lower-case DNS label').optional(),
      /** own-url: the public base URL that forwards to the local listener (webhook path appended). */
      publicUrl: httpUrl.optional()
    })
    .prefault({}),
  ringTimeoutSeconds: z
    .number({ error: `must be a number of seconds above 0, at most ${MAX_RING_TIMEOUT_SECONDS}` })
    .positive(`must be a number of seconds above 0, at most ${MAX_RING_TIMEOUT_SECONDS}`)
    .max(
      MAX_RING_TIMEOUT_SECONDS,
      `must be a number of seconds above 0, at most ${MAX_RING_TIMEOUT_SECONDS}`
    )
    .default(DEFAULT_RING_TIMEOUT_SECONDS),
  /**
   * At most this many calls ring at once; any further call is recorded as missed ("too many calls
   * ringing") without ringing. Enough for a small business's desks, small enough that a flood of
   * calls cannot bury them in toasts.
   */
  maxRingingCalls: z
    .number({ error: 'must be a whole number from 1 to 1000' })
    .int('must be a whole number from 1 to 1000')
    .min(1, 'must be a whole number from 1 to 1000')
    .max(1000, 'must be a whole number from 1 to 1000')
    .default(20),
  audio: z
    .strictObject({
      /** Off by default: a hot microphone while nobody has answered surprises people. */
      openMicWhileRinging: z.boolean().default(false),
      inputDeviceId: deviceId.optional(),
      outputDeviceId: deviceId.optional(),
      ringerDeviceId: deviceId.optional(),
      ringtone: z
        .enum(RINGTONES, { error: `must be one of ${RINGTONES.join(', ')}` })
        .default('classic'),
      ringVolume: z
        .number({ error: 'must be a number from 0 to 1' })
        .min(0, 'must be a number from 0 to 1')
        .max(1, 'must be a number from 0 to 1')
        .default(0.8)
    })
    .prefault({}),
  ice: z
    .strictObject({
      stunUrls: z
        .array(z.string().regex(/^stuns?:\S+$/, 'must be stun: or stuns: URLs'))
        .max(10)
        .default(() => [...DEFAULT_STUN_URLS]),
      /**
       * Only needed where UDP and TCP 3478 are both blocked outbound (see messenger-calling.md §6).
       * Its password is a secret: kept in the secret store (`turnPassword` command), never here.
       */
      turn: z
        .strictObject({
          url: z.string().regex(/^turns?:\S+$/, 'must be a turn: or turns: URL'),
          username: z.string().max(512)
        })
        .optional()
    })
    .prefault({}),
  quality: z
    .strictObject({
      /**
       * Off by default: the figures describe customers' calls and leave the computer only when the
       * owner chooses to share them with Meta (who asks for them, but needs none to connect calls).
       */
      sendToMeta: z.boolean().default(false)
    })
    .prefault({}),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  doNotDisturb: z
    .strictObject({
      enabled: z.boolean().default(false),
      /** ring-out: let Meta's 60 s run out (caller sees "Not answered"); decline: reject at once. */
      action: z.enum(['ring-out', 'decline']).default('ring-out')
    })
    .prefault({}),
  startAtLogin: z.boolean().default(false),
  /** Business hours (issue 16): the owner's, as published to the Page's `call_hours`. */
  hours: z
    .strictObject({
      schedule: BusinessHours.optional(),
      /**
       * Calls that still arrive outside the hours: ring as usual, ring out quietly (missed at the
       * ring deadline), or are declined at once. "ring" by default: no call goes unheard by surprise.
       */
      outside: z.enum(['ring', 'quiet', 'decline']).default('ring')
    })
    .prefault({}),
  /** The reply a customer gets after a missed call (issue 16 item 2); off by default. */
  missedCallReply: z
    .strictObject({
      enabled: z.boolean().default(false),
      /** The owner's words with {first_name} and {next_opening}; empty: the suggested text. */
      text: z
        .string()
        .max(MAX_REPLY_TEXT, `must be at most ${MAX_REPLY_TEXT} characters`)
        .default(''),
      extra: z.enum(REPLY_EXTRAS).default('none')
    })
    .prefault({}),
  desk: z
    .strictObject({
      /**
       * What other desks of the same app call this one when it receives the Page's calls; empty:
       * the computer's name.
       */
      name: z.string().max(60, 'must be at most 60 characters').default(''),
      /**
       * Off: calls do not ring on this desk's windows (no ringtone, toast or notification); they
       * still ring on the other desks and can be answered here from the list.
       */
      ringHere: z.boolean().default(true),
      /** The words, dates and numbers of this desk's windows; `system`: the computer's languages. */
      language: z.enum(['system', 'en', 'es']).default('system')
    })
    .prefault({}),
  /** Hub-wide, for the desks that join this one as seats (the owner's choice). */
  seats: z
    .strictObject({
      /**
       * Off by default: calling a customer back speaks for the business (and spends Meta's limited
       * permission requests), so the owner decides whether the other desks may.
       */
      mayCallBack: z.boolean().default(false),
      /**
       * The desks (by name) that calls do not ring on; they still see the calls. Empty by default:
       * a desk added later rings unless the owner leaves it out, so no call goes unheard by mistake.
       */
      silent: z.array(z.string().min(1).max(60)).max(100).default([]),
      /**
       * Off by default: desks on this hub's local network may also connect straight to it on
       * `port` (the same sealed link as through the tunnel), quicker, and working when the
       * internet does not. On, the port is open to the whole network, so it stays the owner's call.
       */
      lan: z
        .strictObject({
          enabled: z.boolean().default(false),
          port: z
            .number({ error: 'must be a whole number from 1 to 65535' })
            .int('must be a whole number from 1 to 65535')
            .min(1, 'must be a whole number from 1 to 65535')
            .max(65535, 'must be a whole number from 1 to 65535')
            .default(DEFAULT_SEAT_LAN_PORT)
        })
        .prefault({})
    })
    .prefault({})
})

export type Settings = z.output<typeof settingsSchema>

/**
 * What `update` takes: any subset, nested objects merged key by key, arrays replaced whole.
 * `null` removes a key (back to its default, or unset); `undefined` leaves it as it is.
 */
export type SettingsPatch = PatchOf<Settings>
type PatchOf<T> = {
  [K in keyof T]?: NonNullable<T[K]> extends readonly unknown[]
    ? T[K] | null
    : NonNullable<T[K]> extends object
      ? PatchOf<NonNullable<T[K]>> | null
      : T[K] | null
}

export function defaultSettings(): Settings {
  return settingsSchema.parse({})
}
