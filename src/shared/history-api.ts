/**
 * The history commands' requests and results (everyday use: the missed-calls badge, caller photos
 * in the list, the quality report after a call). Kept beside api.ts, which lists them with the rest
 * of the contract, so the contract file stays a table rather than a pile of schemas.
 */
import { z } from 'zod'

/** A Graph id or PSID as the rest of the contract takes it. */
const Id = z.string().min(1).max(256)
/** Larger figures are not a call quality but a broken measurement; refused rather than stored. */
const Millis = z.number().nonnegative().max(60_000)
const Packets = z.number().int().nonnegative().max(1_000_000_000)

/**
 * The final `getStats()` figures of a call, from the desk that took it. Sent once the call is over
 * (its media closed); the core keeps them with the history record, whenever the record is written.
 */
export const reportCallQualityRequest = z
  .object({
    callId: Id,
    rttMs: Millis.optional(),
    jitterMs: Millis.optional(),
    lossPercent: z.number().min(0).max(100).optional(),
    packetsReceived: Packets.optional(),
    packetsLost: Packets.optional()
  })
  .strict()

export const getMissedCallsRequest = z.object({}).strict()

/** Every missed call not yet seen is marked seen: the user has the history in front of them. */
export const markHistorySeenRequest = z.object({}).strict()

/** History records leave photos out (file size); the list asks for the few it shows. */
export const MAX_PHOTOS_PER_REQUEST = 100
export const getCallerPhotosRequest = z
  .object({ psids: z.array(Id).max(MAX_PHOTOS_PER_REQUEST) })
  .strict()

/** The missed calls nobody has looked at yet: the count on the History button and the tray. */
export interface MissedCalls {
  unseen: number
}

/** PSID -> photo as a `data:image/...` URL; callers without a photo are left out. */
export type CallerPhotos = Record<string, string>
