/**
 * A seat telling its hub that it leaves (issue 13, item 2): the hub revokes the seat's own key,
 * which also closes the link at once, often before the hub's reply can travel. So the hub heard
 * it when either its reply arrives or it turns this desk away right after the request; anything
 * else (offline, an older hub that does not know the command, no answer in time) means the hub
 * could not be told, and its owner removes the desk in Desks.
 */
import type { HubConnection } from '../seat/hub-connection'

/** Long enough for a reply over a slow tunnel; the seat leaves anyway after it. */
export const LEAVE_TIMEOUT_MS = 10_000
const CLOSE_GRACE_MS = 250

export function tellHubLeaving(hub: HubConnection, timeoutMs = LEAVE_TIMEOUT_MS): Promise<boolean> {
  if (hub.status().state !== 'online') return Promise.resolve(false)
  return new Promise((resolve) => {
    let settled = false
    const settle = (told: boolean): void => {
      if (settled) return
      settled = true
      offStatus()
      clearTimeout(timer)
      resolve(told)
    }
    const offStatus = hub.onStatus((status) => {
      if (status.state === 'refused') settle(true)
    })
    // Timer "leave answer timeout" (once, when leaving the hub).
    const timer = setTimeout(() => settle(false), timeoutMs)
    hub.api.leaveHub({}).then(
      () => settle(true),
      () => {
        // The removal closing the link may fail the request a moment before the link's state
        // says so; a refusal with the link still up after that is the hub's "no" (an older hub).
        // Timer "leave close grace" (once, when leaving the hub).
        setTimeout(() => settle(hub.status().state === 'refused'), CLOSE_GRACE_MS)
      }
    )
  })
}
