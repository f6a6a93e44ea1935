/**
 * A secure link seen as the WebSocket that shared/bridge-client.ts drives, so a seat speaks to its
 * hub with exactly the bridge's client: the same envelopes, the same reply correlation by id, the
 * same `SoftphoneApi`. Only the carrying differs (sealed, in pieces: link-frames.ts).
 */
import type { SocketLike } from '../../../shared/bridge-client'
import { readControl, type LinkControl } from './link-control'
import { frameReader, MAX_HUB_FRAME_BYTES, sendFrame } from './link-frames'
import type { SecureLink } from './secure-link'

const OPEN = 1
const CLOSED = 3

/** `onControl` hears the hub's control messages (link-control.ts); unknown ones are dropped. */
export function linkSocket(
  link: SecureLink,
  onControl: (message: LinkControl) => void = () => undefined
): SocketLike {
  const messageListeners: ((event: { data: unknown }) => void)[] = []
  const read = frameReader(
    MAX_HUB_FRAME_BYTES,
    (text) => {
      for (const listener of messageListeners) listener({ data: text })
    },
    (message) => {
      const control = readControl(message)
      if (control) onControl(control)
    }
  )
  link.onMessage((message) => {
    try {
      read(message)
    } catch (error) {
      link.close((error as Error).message)
    }
  })
  return {
    get readyState() {
      return link.closed ? CLOSED : OPEN
    },
    send: (text) => sendFrame(link, text),
    close: () => link.close('The seat closed the connection'),
    addEventListener(type: 'message' | 'close', listener: (event: { data: unknown }) => void) {
      if (type === 'message') messageListeners.push(listener)
      else link.onClose(() => listener({ data: undefined }))
    }
  } as SocketLike
}
