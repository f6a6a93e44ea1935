/**
 * Frames of the loopback WebSocket bridge: the service API of src/shared/api.ts, carried as JSON.
 * Shared by the server (main) and the client (renderer in browser mode, simulator, tests).
 */
import { z } from 'zod'
import type { EventMessage, ServiceErrorShape } from './api'

export const RequestFrame = z.object({
  type: z.literal('request'),
  id: z.number().int().nonnegative(),
  command: z.string().min(1).max(64),
  request: z.unknown()
})
export type RequestFrame = z.infer<typeof RequestFrame>

export type ResponseFrame =
  | { type: 'response'; id: number; ok: true; result: unknown }
  | { type: 'response'; id: number; ok: false; error: ServiceErrorShape }

export type EventFrame = { type: 'event' } & EventMessage

export type ServerFrame = ResponseFrame | EventFrame

/** The query parameter that carries the per-run bridge token. */
export const BRIDGE_TOKEN_PARAM = 'token'
/** The path the bridge listens on. */
export const BRIDGE_PATH = '/bridge'
