/**
 * The STUN and TURN servers a call's peer connection uses. The TURN password is a secret: it is
 * kept in main's secret store, goes to the one client that sets up a call's media, in the reply to
 * its own `getIceServers` for that call, and is never broadcast, stored in settings or read back.
 */
import { z } from 'zod'
import { checkCallPermissionRequest } from './callback'

const CallId = z.string().min(1).max(256)

/** For the call this client is about to answer (`callId`) or to place to a customer (`psid`). */
export const getIceServersRequest = z.union([
  z.object({ callId: CallId }).strict(),
  z.object({ psid: checkCallPermissionRequest.shape.psid }).strict()
])

/**
 * Saves (a string) or removes (null) the TURN server's password. Without `password` it only says
 * whether one is saved: the password itself never comes back out.
 */
export const turnPasswordRequest = z
  .object({ password: z.string().min(1).max(512).nullable().optional() })
  .strict()

/** What RTCPeerConnection takes (RTCIceServer, without the DOM types src/shared cannot use). */
export interface IceServer {
  urls: string
  username?: string | undefined
  credential?: string | undefined
}

export interface IceServers {
  iceServers: IceServer[]
}

export interface TurnPasswordState {
  saved: boolean
}
