/**
 * The command protocol: the frames that carry the service API of ./api.ts, whatever the transport.
 * Electron IPC carries them as they are (one invoke channel, one event channel); the loopback
 * WebSocket wraps each in an envelope that pairs a reply with its request. One function in main
 * (core/service/serve-command.ts) reads every command frame and shapes every reply, so the
 * transports cannot drift apart.
 *
 * Types and constants only, no zod: the preload imports this file and must stay small. The schemas
 * main validates frames with are in ./command-protocol-schemas.ts.
 */
import type { EventMessage, ServiceErrorShape } from './api'
import { serviceFailureShape } from './service-words-english'

/** What every transport accepts, checked in one place (serveCommand). */
export const COMMAND_LIMITS = {
  /** The longest command name: the contract's names are far shorter. */
  nameChars: 64,
  /**
   * The largest command frame, as JSON bytes. An SDP offer is a few kB; a frame this large is
   * hostile, and refused before any command sees it.
   */
  frameBytes: 256 * 1024
} as const

/** A client asks the service to run one command. */
export interface CommandFrame {
  command: string
  request: unknown
}

/**
 * The service's answer to a `CommandFrame`. A failed command is a value, not a rejection: Electron
 * turns a rejected invoke into "Error invoking remote method ..." and drops the error's code, while
 * the UI needs both the code and the sentence.
 */
export type ReplyFrame = { ok: true; result: unknown } | { ok: false; error: ServiceErrorShape }

/** The service tells every client something happened. */
export type EventFrame = EventMessage

/** The reply to a frame that is not a command frame, or is over the limits. */
export const INVALID_FRAME: ServiceErrorShape = serviceFailureShape(
  'invalid-request',
  'invalidFrame'
)

/**
 * What the user learns of an unexpected failure: its message could hold a path or a secret, so it
 * stays in the log.
 */
export const INTERNAL_FAILURE: ServiceErrorShape = serviceFailureShape('internal', 'internal')

/**
 * A failure as a reply: the code, the sentence and its words only, never the error's other
 * fields (the words go on, so a seat words its hub's refusals in its own language).
 */
export function failedReply(error: ServiceErrorShape): ReplyFrame {
  const { code, message, words } = error
  return { ok: false, error: words ? { code, message, words } : { code, message } }
}

// The loopback WebSocket bridge: the same frames as JSON text, in envelopes.

/** The path the bridge listens on. */
export const BRIDGE_PATH = '/bridge'
/** The query parameter that carries the per-run bridge token. */
export const BRIDGE_TOKEN_PARAM = 'token'
/** Room for the envelope (`type`, `id`) around a command frame at its size limit. */
export const BRIDGE_ENVELOPE_BYTES = 1024

export type BridgeRequest = { type: 'request'; id: number } & CommandFrame
export type BridgeReply = { type: 'response'; id: number } & ReplyFrame
export type BridgeEvent = { type: 'event' } & EventFrame
/** What the bridge sends to a client. */
export type BridgeServerFrame = BridgeReply | BridgeEvent
