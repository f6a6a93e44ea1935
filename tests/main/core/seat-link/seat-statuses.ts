/** Waiting for a seat client's status in tests. */
import type { SeatClient, SeatLinkStatus } from '../../../../src/main/core/seat-link/seat-client'

/** Resolves with the status once the client is (or becomes) in `state`; rejects after `ms`. */
export function untilStatus(
  seat: Pick<SeatClient, 'status' | 'onStatus'>,
  state: SeatLinkStatus['state'],
  ms = 5000
): Promise<SeatLinkStatus> {
  if (seat.status.state === state) return Promise.resolve(seat.status)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off()
      reject(new Error(`still ${JSON.stringify(seat.status)} after ${ms} ms, not ${state}`))
    }, ms)
    const off = seat.onStatus((status) => {
      if (status.state !== state) return
      clearTimeout(timer)
      off()
      resolve(status)
    })
  })
}
