/**
 * One answer race for `npm run bench:seats`: every seat sends the same real offer (made once by a
 * HeadlessClient, as a desk's Chromium would) at the same moment; first answer wins at the hub,
 * so exactly one accept may reach the simulated Meta and every other seat hears 'conflict'.
 */
import { ServiceError } from '../src/shared/service-error'
import type { AcceptResult } from '../src/shared/api'
import type { SeatClient } from '../src/main/core/seat-link/seat-client'
import { HeadlessClient } from '../src/main/simulator/client/headless-client'
import type { InProcessRig } from '../src/main/simulator/rig/in-process'

export interface RaceResult {
  /** accept requests for the call that reached the simulated Meta (1 is right). */
  acceptsAtMeta: number
  winners: number
  conflicts: number
  /** Refusals other than 'conflict', and seats that never answered. */
  otherFailures: number
  /** From the moment every seat sent its accept to the winner's reply. */
  sendToWinMs: number
  /** When the winner's reply arrived (performance.now()). */
  wonAt: number
}

export async function raceToAnswer(
  rig: InProcessRig,
  seats: readonly SeatClient[],
  callId: string
): Promise<RaceResult> {
  const desk = new HeadlessClient({ audio: { mode: 'tone', frequency: 660 } })
  let outcomes: PromiseSettledResult<AcceptResult>[] = []
  let sentAt = 0
  let wonAt = 0
  let winner: SeatClient | undefined
  try {
    await desk.answer(
      {
        accept: async (request) => {
          sentAt = performance.now()
          outcomes = await Promise.allSettled(
            seats.map(async (seat) => {
              const result = await seat.api.accept(request)
              wonAt = performance.now()
              winner = seat
              return result
            })
          )
          const won = outcomes.find((outcome) => outcome.status === 'fulfilled')
          if (!won) throw new Error(`no seat won the race for ${callId}`)
          return won.value
        }
      },
      callId
    )
    if (winner) await desk.hangUp(winner.api)
    await rig.sim.whenEnded(callId)
  } finally {
    await desk.close()
  }
  const refusals = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []))
  const conflicts = refusals.filter(
    (reason) => reason instanceof ServiceError && reason.code === 'conflict'
  ).length
  return {
    acceptsAtMeta: rig.sim.graph.requests.filter(
      (r) => r.action === 'accept' && (r.body as { call_id?: string }).call_id === callId
    ).length,
    winners: outcomes.filter((o) => o.status === 'fulfilled').length,
    conflicts,
    otherFailures: seats.length - outcomes.length + refusals.length - conflicts,
    sendToWinMs: wonAt - sentAt,
    wonAt
  }
}
