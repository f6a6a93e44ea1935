/**
 * Frames of the loopback WebSocket bridge: the service API of src/shared/api.ts, carried as JSON.
 * Shared by the server (main) and the client (renderer in browser mode, simulator, tests).
 */
import type { EventMessage } from './api'
import type { ServiceErrorShape } from './service-error'

/** A command from a client; checked in the bridge by `RequestFrameSchema` (./frame-schemas). */
export interface RequestFrame {
  type: 'request'
  id: number
  command: string
  request: unknown
}

export type ResponseFrame =
  | { type: 'response'; id: number; ok: true; result: unknown }
  | { type: 'response'; id: number; ok: false; error: ServiceErrorShape }

export type EventFrame = { type: 'event' } & EventMessage

export type ServerFrame = ResponseFrame | EventFrame

/** The query parameter that carries the per-run bridge token. */
export const BRIDGE_TOKEN_PARAM = 'token'
/** The path the bridge listens on. */
export const BRIDGE_PATH = '/bridge'
