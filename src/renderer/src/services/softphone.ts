/**
 * The renderer's one door to the phone service. In the desktop app the preload provides it over
 * IPC (`window.softphone`); in browser mode it is the same API over the loopback WebSocket bridge.
 * Everything above this file is identical in both.
 */
import type { SoftphoneBridge } from '../../../preload/bridge'
import { createBridgeClient, type SocketLike } from '../../../shared/bridge-client'
import { createApi } from '../../../shared/api-names'
import { BRIDGE_PATH, BRIDGE_TOKEN_PARAM } from '../../../shared/command-protocol'
import { asServiceError } from '../../../shared/service-error'

let current: SoftphoneBridge | undefined

export function softphone(): SoftphoneBridge {
  if (!current) throw new Error('The phone service is not connected yet.')
  return current
}

/** Tests and the startup code set the bridge explicitly. */
export function useSoftphoneBridge(bridge: SoftphoneBridge): void {
  current = bridge
}

const TOKEN_KEY = 'softphone.bridgeToken'

/**
 * The bridge token arrives once in the URL; it is moved to session storage and removed from the
 * address bar so it does not linger in screenshots or get copied along with the link.
 */
function takeBridgeToken(): string | undefined {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get(BRIDGE_TOKEN_PARAM)
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete(BRIDGE_TOKEN_PARAM)
    window.history.replaceState(null, '', url.toString())
    return fromUrl
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined
}

/** The preload's commands, with the failures that crossed the bridge as data made ServiceErrors. */
export function withServiceErrors(bridge: SoftphoneBridge): SoftphoneBridge {
  const api = createApi((command, request) =>
    (bridge[command] as (request: unknown) => Promise<unknown>)(request).catch(
      (reason: unknown) => {
        throw asServiceError(reason)
      }
    )
  )
  return { ...api, on: (event, listener) => bridge.on(event, listener) }
}

export async function connectSoftphone(): Promise<SoftphoneBridge> {
  if (window.softphone) {
    current = withServiceErrors(window.softphone)
    return current
  }
  const token = takeBridgeToken()
  if (!token) {
    throw new Error('This page needs the address printed by "npm run web", including its token.')
  }
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws'
  const socket = new WebSocket(
    `${scheme}://${window.location.host}${BRIDGE_PATH}?${BRIDGE_TOKEN_PARAM}=${encodeURIComponent(token)}`
  )
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true })
    socket.addEventListener(
      'error',
      () => reject(new Error('Could not reach the phone service. Is "npm run web" still running?')),
      { once: true }
    )
  })
  const client = createBridgeClient(socket as SocketLike)
  current = { ...client.api, on: client.on }
  return current
}
