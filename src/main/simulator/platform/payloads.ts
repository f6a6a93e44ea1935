/**
 * Webhook deliveries shaped exactly as Meta's docs show them (`object: page`, `entry[]`, `calls[]`).
 * Builders are bound to one Page; `batch` and `batchCalls` combine several into one delivery,
 * as Meta does under load.
 */
import { nowSeconds } from './ids'

export type CallDirection = 'user_initiated' | 'business_initiated'

export interface DeliveryEntry {
  id: string
  time: number
  calls?: Record<string, unknown>[]
  messaging?: Record<string, unknown>[]
  [field: string]: unknown
}

export interface Delivery {
  object: 'page'
  entry: DeliveryEntry[]
}

export interface ConnectParams {
  callId: string
  /** The caller's PSID (user-initiated) or the Page (business-initiated). */
  from: string
  to: string
  timestamp?: number
  direction?: CallDirection
}

export interface TerminateParams {
  callId: string
  status?: 'Completed' | 'Failed'
  start_time?: number
  end_time?: number
  duration?: number
  timestamp?: number
}

export interface MediaUpdateParams {
  callId: string
  version: number
  /** Meta's renegotiation offer. */
  sdp: string
  /** 'object' (the docs' `{sdp_type, sdp}`, default) or 'string' (plain SDP). */
  shape?: 'object' | 'string'
  timestamp?: number
}

export interface CallStatusParams {
  callId: string
  status: 'ringing' | 'accepted'
  recipientId: string
  timestamp?: number
}

export interface PermissionReplyParams {
  psid: string
  response: 'approve' | 'reject'
  expiration_timestamp?: number
  timestamp?: number
  /** 'entry' (the documented place, default) or inside a Messenger-style `messaging[]`. */
  placement?: 'entry' | 'messaging'
  /** Send the expiry as text, as some of Meta's permission payloads do. */
  expirationAsString?: boolean
}

export interface MessageParams {
  psid: string
  text: string
  timestamp?: number
}

function single(pageId: string, time: number, fields: Record<string, unknown>): Delivery {
  return { object: 'page', entry: [{ id: pageId, time, ...fields }] }
}

/** Several deliveries as one: their entries side by side. */
export function batch(...parts: Delivery[]): Delivery {
  return { object: 'page', entry: parts.flatMap((part) => part.entry) }
}

/** Several deliveries as one, with every call event of a Page inside a single entry. */
export function batchCalls(...parts: Delivery[]): Delivery {
  const byPage = new Map<string, DeliveryEntry>()
  const others: DeliveryEntry[] = []
  for (const entry of parts.flatMap((part) => part.entry)) {
    if (!entry.calls) {
      others.push(entry)
      continue
    }
    const merged = byPage.get(entry.id)
    if (merged) merged.calls = [...(merged.calls ?? []), ...entry.calls]
    else byPage.set(entry.id, { ...entry, calls: [...entry.calls] })
  }
  return { object: 'page', entry: [...byPage.values(), ...others] }
}

export function deliveryBuilders(pageId: string) {
  return {
    connectDelivery(params: ConnectParams): Delivery {
      const timestamp = params.timestamp ?? nowSeconds()
      const call = {
        id: params.callId,
        to: params.to,
        from: params.from,
        event: 'connect',
        timestamp,
        call_direction: params.direction ?? 'user_initiated'
      }
      return single(pageId, timestamp, { calls: [call] })
    },

    terminateDelivery(params: TerminateParams): Delivery {
      const timestamp = params.timestamp ?? nowSeconds()
      const end = params.end_time ?? timestamp
      const call = {
        id: params.callId,
        event: 'terminate',
        timestamp,
        status: params.status ?? 'Completed',
        start_time: params.start_time ?? end - (params.duration ?? 0),
        end_time: end,
        duration: params.duration ?? 0
      }
      return single(pageId, timestamp, { calls: [call] })
    },

    mediaUpdateDelivery(params: MediaUpdateParams): Delivery {
      const timestamp = params.timestamp ?? nowSeconds()
      const sdp = params.shape === 'string' ? params.sdp : { sdp_type: 'offer', sdp: params.sdp }
      const call = {
        id: params.callId,
        event: 'media_update',
        timestamp,
        session: { version: params.version, sdp_renegotiation: sdp }
      }
      return single(pageId, timestamp, { calls: [call] })
    },

    callStatusDelivery(params: CallStatusParams): Delivery {
      const timestamp = params.timestamp ?? nowSeconds()
      const call = {
        id: params.callId,
        event: 'call_status',
        timestamp,
        recipient_id: params.recipientId,
        call_status: params.status
      }
      return single(pageId, timestamp, { calls: [call] })
    },

    permissionReplyDelivery(params: PermissionReplyParams): Delivery {
      const timestamp = params.timestamp ?? nowSeconds()
      const expiry = params.expiration_timestamp
      const reply = {
        sender: { id: params.psid },
        recipient: { id: pageId },
        timestamp,
        call_permission_reply: {
          response: params.response,
          ...(expiry === undefined
            ? {}
            : { expiration_timestamp: params.expirationAsString ? String(expiry) : expiry })
        }
      }
      return params.placement === 'messaging'
        ? single(pageId, timestamp, { messaging: [reply] })
        : single(pageId, timestamp, reply)
    },

    /** An ordinary Messenger message on the same subscription: the app must ignore it. */
    messageDelivery(params: MessageParams): Delivery {
      const timestamp = params.timestamp ?? nowSeconds()
      const event = {
        sender: { id: params.psid },
        recipient: { id: pageId },
        timestamp: timestamp * 1000,
        message: { mid: `m_sim_${timestamp}`, text: params.text }
      }
      return single(pageId, timestamp, { messaging: [event] })
    },

    batch,
    batchCalls
  }
}

export type DeliveryBuilders = ReturnType<typeof deliveryBuilders>
