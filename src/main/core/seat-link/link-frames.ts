/**
 * The command protocol's frames (shared/command-protocol.ts, the bridge's envelopes as JSON) over
 * a secure link. A link message holds at most MAX_FRAME_PLAINTEXT bytes, and a reply (a page of
 * history, a call list) may be larger, so a frame travels in pieces: each link message starts with
 * one byte saying whether more of the same frame follows. The reader puts them together, up to a
 * limit per frame: a peer that sends more is cut off rather than buffered.
 */
import { BRIDGE_ENVELOPE_BYTES, COMMAND_LIMITS } from '../../../shared/command-protocol'
import { CONTROL_MARKER } from './link-control'
import { MAX_FRAME_PLAINTEXT, type SecureLink } from './secure-link'

const MORE = 1
const LAST = 0
const PIECE_BYTES = MAX_FRAME_PLAINTEXT - 1

/** The largest frame a hub takes from a seat: a command frame at its limit, in its envelope. */
export const MAX_SEAT_FRAME_BYTES = COMMAND_LIMITS.frameBytes + BRIDGE_ENVELOPE_BYTES
/** The largest frame a seat takes from its hub (a long page of history is the biggest). */
export const MAX_HUB_FRAME_BYTES = 16 * 1024 * 1024

export class FrameTooLargeError extends Error {}

/** One frame's JSON text as the link messages that carry it, each with its marker byte. */
export function framePieces(text: string): Buffer[] {
  const bytes = Buffer.from(text)
  const pieces: Buffer[] = []
  let at = 0
  do {
    const piece = bytes.subarray(at, at + PIECE_BYTES)
    at += PIECE_BYTES
    pieces.push(Buffer.concat([Buffer.of(at < bytes.length ? MORE : LAST), piece]))
  } while (at < bytes.length)
  return pieces
}

/** Sends a frame's link messages (framePieces), in order. */
export function sendPieces(link: Pick<SecureLink, 'send'>, pieces: readonly Buffer[]): void {
  for (const piece of pieces) link.send(piece)
}

/** Sends one frame's JSON text, in as many link messages as it takes. */
export function sendFrame(link: Pick<SecureLink, 'send'>, text: string): void {
  sendPieces(link, framePieces(text))
}

/**
 * Puts pieces together: `onFrame` gets each whole frame's text (parsing is the caller's, so it
 * can answer a malformed one its own way); a frame over `maxBytes` or a piece without its marker
 * throws a FrameTooLargeError or an Error, and the caller closes the link. A control message
 * (link-control.ts) goes to `onControl`; without one (the hub's side: a seat sends none) it is a
 * piece without its marker.
 */
export function frameReader(
  maxBytes: number,
  onFrame: (text: string) => void,
  onControl?: (message: Buffer) => void
) {
  let pieces: Buffer[] = []
  let size = 0
  return (message: Buffer): void => {
    const marker = message[0]
    if (marker === CONTROL_MARKER && onControl) return onControl(message)
    if (marker !== MORE && marker !== LAST) throw new Error('a link message without its marker')
    size += message.length - 1
    if (size > maxBytes) throw new FrameTooLargeError(`a frame over ${maxBytes} bytes`)
    pieces.push(message.subarray(1))
    if (marker === MORE) return
    const text = Buffer.concat(pieces).toString()
    pieces = []
    size = 0
    onFrame(text)
  }
}
