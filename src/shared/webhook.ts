/**
 * Meta's `calls` and `call_permission_reply` webhook payloads.
 *
 * Every schema is `loose`: Meta adds fields without notice, and an extra field must never turn a
 * valid call into a dropped one. Envelope checks (is it a `page` delivery with an `entry` array)
 * are strict because a wrong envelope means the request is not from Meta at all.
 */
import { z } from 'zod'

/** Unix seconds; Meta sends numbers, but some payloads (permission expiry) arrive as strings. */
export const UnixSeconds = z.union([
  z.number().nonnegative(),
  z
    .string()
    .regex(/^\d+(\.\d+)?$/)
    .transform(Number)
])

/** A count (version, duration); like timestamps, tolerated as a numeric string too. */
const WholeNumber = z.union([z.number().nonnegative(), z.string().regex(/^\d+$/).transform(Number)])

/** An SDP field arrives either as the plain SDP text or as `{sdp_type, sdp}`; both readings are valid. */
export const SdpDescription = z.looseObject({
  sdp_type: z.enum(['offer', 'answer']).optional(),
  sdp: z.string().min(1)
})
export const SdpField = z.union([z.string().min(1), SdpDescription])
export type SdpField = z.infer<typeof SdpField>

/** The SDP text of either shape. */
export function sdpText(field: SdpField): string {
  return typeof field === 'string' ? field : field.sdp
}

const CallId = z.string().min(1)

export const ConnectEvent = z.looseObject({
  event: z.literal('connect'),
  id: CallId,
  from: z.string().min(1),
  to: z.string().min(1),
  timestamp: UnixSeconds,
  call_direction: z.enum(['user_initiated', 'business_initiated']).default('user_initiated')
})

export const TerminateEvent = z.looseObject({
  event: z.literal('terminate'),
  id: CallId,
  timestamp: UnixSeconds,
  /** `Completed` or `Failed` per the docs; kept open so a new status is still a terminate. */
  status: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  start_time: UnixSeconds.optional(),
  end_time: UnixSeconds.optional(),
  duration: WholeNumber.optional()
})

export const MediaUpdateEvent = z.looseObject({
  event: z.literal('media_update'),
  id: CallId,
  timestamp: UnixSeconds,
  session: z.looseObject({
    version: WholeNumber,
    sdp_renegotiation: SdpField
  })
})

export const CallStatusEvent = z.looseObject({
  event: z.literal('call_status'),
  /** Meta's own example has none: the app then matches the call by `recipient_id`. */
  id: CallId.optional(),
  timestamp: UnixSeconds.optional(),
  recipient_id: z.string().optional(),
  call_status: z.enum(['ringing', 'accepted'])
})

export const CallEvent = z.discriminatedUnion('event', [
  ConnectEvent,
  TerminateEvent,
  MediaUpdateEvent,
  CallStatusEvent
])
export type ConnectEvent = z.infer<typeof ConnectEvent>
export type TerminateEvent = z.infer<typeof TerminateEvent>
export type MediaUpdateEvent = z.infer<typeof MediaUpdateEvent>
export type CallStatusEvent = z.infer<typeof CallStatusEvent>
export type CallEvent = z.infer<typeof CallEvent>
export const CALL_EVENT_NAMES = ['connect', 'terminate', 'media_update', 'call_status'] as const

export const CallPermissionReply = z.looseObject({
  sender: z.looseObject({ id: z.string().min(1) }),
  recipient: z.looseObject({ id: z.string().min(1) }),
  timestamp: UnixSeconds.optional(),
  call_permission_reply: z.looseObject({
    response: z.enum(['approve', 'reject']),
    expiration_timestamp: UnixSeconds.optional()
  })
})
export type CallPermissionReply = z.infer<typeof CallPermissionReply>

/** The strict part: anything else is not a Page delivery and gets a 400. */
export const DeliveryEnvelope = z.looseObject({
  object: z.literal('page'),
  entry: z.array(z.unknown())
})
export type DeliveryEnvelope = z.infer<typeof DeliveryEnvelope>

export const DeliveryEntry = z.looseObject({
  id: z.string().optional(),
  time: UnixSeconds.optional(),
  calls: z.array(z.unknown()).optional(),
  messaging: z.array(z.unknown()).optional()
})

/** What the app acts on, after a delivery is unpacked. */
export type WebhookEvent =
  | {
      kind: 'call'
      pageId: string | undefined
      event: CallEvent
      /** The delivery entry's `time` (Unix seconds), when it had one: stale replays are refused by it. */
      time?: number | undefined
    }
  | {
      kind: 'call_permission_reply'
      pageId: string
      psid: string
      approved: boolean
      /** Unix seconds; undefined when the grant has no stated end. */
      expiresAt: number | undefined
      timestamp: number | undefined
    }

/** An item inside a valid delivery that was dropped, and why (logged, never fatal). */
export interface DroppedItem {
  where: string
  reason: string
}

export interface UnpackedDelivery {
  events: WebhookEvent[]
  dropped: DroppedItem[]
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ')
}

function permissionEvent(reply: CallPermissionReply): WebhookEvent {
  return {
    kind: 'call_permission_reply',
    pageId: reply.recipient.id,
    psid: reply.sender.id,
    approved: reply.call_permission_reply.response === 'approve',
    expiresAt: reply.call_permission_reply.expiration_timestamp,
    timestamp: reply.timestamp
  }
}

/**
 * Turns the entries of a valid envelope into events, in delivery order. A malformed or unknown
 * item is reported in `dropped` and the rest still come through: rejecting the whole delivery
 * would make Meta resend every good event in it.
 */
export function unpackDelivery(envelope: DeliveryEnvelope): UnpackedDelivery {
  const events: WebhookEvent[] = []
  const dropped: DroppedItem[] = []
  envelope.entry.forEach((rawEntry, entryIndex) => {
    const where = `entry[${entryIndex}]`
    const entry = DeliveryEntry.safeParse(rawEntry)
    if (!entry.success) {
      dropped.push({ where, reason: `not an entry object (${describeIssues(entry.error)})` })
      return
    }
    // The documented reply sits on the entry itself; a Messenger-style `messaging[]` wrapper is also read.
    if (isRecord(rawEntry) && 'call_permission_reply' in rawEntry) {
      const reply = CallPermissionReply.safeParse(rawEntry)
      if (reply.success) events.push(permissionEvent(reply.data))
      else
        dropped.push({
          where,
          reason: `bad call_permission_reply (${describeIssues(reply.error)})`
        })
    }
    entry.data.messaging?.forEach((item, i) => {
      if (!isRecord(item) || !('call_permission_reply' in item)) return
      const reply = CallPermissionReply.safeParse(item)
      if (reply.success) events.push(permissionEvent(reply.data))
      else
        dropped.push({
          where: `${where}.messaging[${i}]`,
          reason: `bad call_permission_reply (${describeIssues(reply.error)})`
        })
    })
    entry.data.calls?.forEach((item, i) => {
      const itemWhere = `${where}.calls[${i}]`
      const name = isRecord(item) ? item['event'] : undefined
      if (typeof name !== 'string' || !(CALL_EVENT_NAMES as readonly string[]).includes(name)) {
        dropped.push({ where: itemWhere, reason: `unknown call event ${JSON.stringify(name)}` })
        return
      }
      const call = CallEvent.safeParse(item)
      if (call.success) {
        const time = entry.data.time
        events.push({
          kind: 'call',
          pageId: entry.data.id,
          event: call.data,
          ...(time === undefined ? {} : { time })
        })
      } else
        dropped.push({
          where: itemWhere,
          reason: `bad ${name} event (${describeIssues(call.error)})`
        })
    })
  })
  return { events, dropped }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
