/**
 * A Node client of the core's loopback bridge, through the `ws` package: the same `BridgeClient`
 * a browser-mode UI gets, so scenarios drive the core exactly as a UI does.
 */
import WebSocket from 'ws'
import {
  createBridgeClient,
  type BridgeClient,
  type SocketLike
} from '../../../shared/bridge-client'

/** Why the bridge could not be reached, in words; the URL's token is never part of it. */
export class BridgeConnectError extends Error {
  override readonly name = 'BridgeConnectError'
}

/** The `ws` socket seen through the small interface the shared client needs. */
function asSocketLike(socket: WebSocket): SocketLike {
  return {
    get readyState() {
      return socket.readyState
    },
    send: (data) => socket.send(data),
    close: () => socket.close(),
    addEventListener(type: 'message' | 'close', listener: (event: { data: unknown }) => void) {
      if (type === 'message') {
        socket.on('message', (data, isBinary) => {
          listener({ data: isBinary ? data : data.toString() })
        })
      } else {
        socket.on('close', () => listener({ data: undefined }))
      }
    }
  }
}

export async function connectBridge(url: string, timeoutMs = 3000): Promise<BridgeClient> {
  const socket = new WebSocket(url, { handshakeTimeout: timeoutMs })
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('unexpected-response', (_request, response) => {
      socket.terminate()
      reject(
        new BridgeConnectError(
          response.statusCode === 403
            ? 'the core refused the bridge token (it was restarted with a new one?)'
            : `the core answered HTTP ${response.statusCode ?? '?'}`
        )
      )
    })
    socket.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new BridgeConnectError(
          error.code === 'ECONNREFUSED' ? 'nothing listens there' : error.message
        )
      )
    })
  })
  // A closed socket reports errors too; the client's own close handling covers them.
  socket.on('error', () => undefined)
  return createBridgeClient(asSocketLike(socket))
}
