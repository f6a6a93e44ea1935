/**
 * An event goes to every seat at once (a ringing call to twenty desks): its frame is serialized
 * and cut into link messages once for all of them, and only the sealing is done per seat, since
 * each link has its own keys. The service hands every client the same event object unless that
 * client's view differs (client-views.ts), so the object is the key, and is forgotten with it.
 */
import type { EventMessage } from '../../../shared/api'
import type { BridgeServerFrame } from '../../../shared/command-protocol'
import { framePieces } from './link-frames'

/** A seat endpoint's memo: the link messages of an event's frame, made on first use. */
export function eventFrames(): (message: EventMessage) => readonly Buffer[] {
  const made = new WeakMap<EventMessage, readonly Buffer[]>()
  return (message) => {
    const known = made.get(message)
    if (known) return known
    const frame: BridgeServerFrame = { type: 'event', ...message }
    const pieces = framePieces(JSON.stringify(frame))
    made.set(message, pieces)
    return pieces
  }
}
