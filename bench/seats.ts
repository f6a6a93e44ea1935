/**
 * `npm run bench:seats`: how fast a call reaches every seat of a hub, and the answer race.
 *
 * A real hub core on loopback (the in-process rig: webhook listener, durable journal, registry,
 * service, seat endpoint) with Meta simulated, and BENCH_SEATS real secure seat clients (Noise
 * link over WebSocket) paired with the invitations "Add a desk" gives. For BENCH_CALLS calls the
 * simulator sends the signed `connect` webhook; measured from the moment it sends it until:
 *  - each seat hears the call ringing (callUpdated), per seat;
 *  - the last seat hears it: "every seat has the call" (goal p95 <= 50 ms).
 * Every BENCH_RACE_EVERY-th call all seats then race to accept it with one real offer: exactly one
 * accept may reach the simulated Meta, the others get 'conflict'.
 *
 *   npm run bench:seats
 *   BENCH_SEATS=5 BENCH_CALLS=10 BENCH_RACE_EVERY=2 npx tsx bench/seats.ts
 *   BENCH_GAP_MS=0 npx tsx bench/seats.ts   (each call the moment the last one ended; default 100)
 *
 * Everything runs in this one process (hub, Meta and seats share its event loop), so the seats'
 * own decryption counts against the figures. Reports and exits 0 whether or not the goal is met;
 * exits non-zero only when it cannot run.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PairingCodes } from '../src/main/core/seat-link/pairing-codes'
import { SeatClient } from '../src/main/core/seat-link/seat-client'
import type { SeatLinkStatus } from '../src/main/core/seat-link/seat-client'
import { startInProcessRig, type InProcessRig } from '../src/main/simulator/rig/in-process'
import { busyMachineNote } from './busy-machine'
import { positiveNumber } from './env-number'
import { percentile } from './open-loop'
import { raceToAnswer, type RaceResult } from './seat-race'

const SEATS = Math.round(positiveNumber('BENCH_SEATS', 20))
const CALLS = Math.round(positiveNumber('BENCH_CALLS', 30))
const RACE_EVERY = Math.round(positiveNumber('BENCH_RACE_EVERY', 5))
const GAP_MS = Number(process.env['BENCH_GAP_MS'] ?? 100)
const GOAL_P95_MS = 50
const DELIVERY_TIMEOUT_MS = 10_000

function until<T>(what: string, ms: number, wait: (done: (value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms)
    wait((value) => {
      clearTimeout(timer)
      resolve(value)
    })
  })
}

function online(seat: SeatClient): Promise<SeatLinkStatus> {
  return until('a seat did not come online', DELIVERY_TIMEOUT_MS, (done) => {
    if (seat.status.state === 'online') return done(seat.status)
    const off = seat.onStatus((status) => {
      if (status.state === 'refused') console.error(`a seat was refused: ${status.reason}`)
      if (status.state !== 'online') return
      off()
      done(status)
    })
  })
}

/** BENCH_SEATS seats paired from invitations, as desks joining through "Add a desk". */
async function pairSeats(rig: InProcessRig, dirs: string[]): Promise<SeatClient[]> {
  const hub = rig.core.seats
  if (!hub) throw new Error('the hub has no seat link')
  // The hub allows 10 pairing attempts a minute in all (behind a tunnel they all come from
  // 127.0.0.1); this bench pairs its seats in a second, so its hub gets a wider window.
  hub.pairing.codes = new PairingCodes({ globalAttempts: { max: SEATS + 10, windowMs: 60_000 } })
  const seats: SeatClient[] = []
  for (let i = 1; i <= SEATS; i++) {
    const { code } = await rig.client.api.addDesk({ name: `Seat ${i}` })
    const dataDir = await mkdtemp(join(tmpdir(), 'bench-seat-'))
    dirs.push(dataDir)
    const seat = new SeatClient({ dataDir, pairingCode: code })
    seats.push(seat)
    seat.start()
  }
  await Promise.all(seats.map(online))
  return seats
}

/** Resolves with each seat's arrival time (performance.now()) of the ringing call. */
function ringingAt(seats: readonly SeatClient[], callId: string): Promise<number[]> {
  const times: (number | undefined)[] = seats.map(() => undefined)
  const offs: (() => void)[] = []
  return until<number[]>(`not every seat heard ${callId} ring`, DELIVERY_TIMEOUT_MS, (done) => {
    seats.forEach((seat, index) => {
      offs.push(
        seat.on('callUpdated', (call) => {
          if (call.id !== callId || call.state !== 'ringing' || times[index] !== undefined) return
          times[index] = performance.now()
          if (times.every((t) => t !== undefined)) {
            for (const off of offs) off()
            done(times as number[])
          }
        })
      )
    })
  })
}

interface Figures {
  everySeat: number[]
  perSeat: number[]
  /** First seat to last seat, per call: the fan-out's own share. */
  spread: number[]
  ack: number[]
  races: (RaceResult & { webhookToWinMs: number })[]
}

async function runCalls(rig: InProcessRig, seats: readonly SeatClient[]): Promise<Figures> {
  const figures: Figures = { everySeat: [], perSeat: [], spread: [], ack: [], races: [] }
  // Call 0 warms up the path (JIT, first frames of each link): not counted.
  for (let i = 0; i <= CALLS; i++) {
    // Calls come seconds apart, not the instant the last one's history was written: a pause lets
    // the hub's bookkeeping of the previous call (history, journal) settle, as it would.
    await new Promise((resolve) => setTimeout(resolve, GAP_MS))
    const callId = rig.sim.ring()
    const arrivals = ringingAt(seats, callId)
    const sentAt = performance.now()
    const [status] = await rig.sim.deliverConnect(callId)
    const ackAt = performance.now()
    if (status !== 200) throw new Error(`the hub answered the connect webhook with ${status}`)
    const times = await arrivals
    const race = i > 0 && i % RACE_EVERY === 0
    if (i > 0) {
      figures.ack.push(ackAt - sentAt)
      figures.everySeat.push(Math.max(...times) - sentAt)
      figures.perSeat.push(...times.map((t) => t - sentAt))
      figures.spread.push(Math.max(...times) - Math.min(...times))
    }
    if (race) {
      const result = await raceToAnswer(rig, seats, callId)
      figures.races.push({ ...result, webhookToWinMs: result.wonAt - sentAt })
    } else {
      await rig.sim.hangUpAsCaller(callId)
    }
  }
  return figures
}

const ms = (value: number): string => value.toFixed(1).padStart(8)

function report(figures: Figures): void {
  const row = (name: string, values: number[]): string =>
    `${name.padEnd(36)} ${String(values.length).padStart(7)} ${ms(percentile(values, 50))} ${ms(percentile(values, 95))} ${ms(Math.max(...values))}`
  console.log(
    `\nSeats benchmark: a hub with ${SEATS} seats on loopback, ${CALLS} calls, simulator as Meta\n`
  )
  console.log(
    `${'webhook sent ->'.padEnd(36)} ${'samples'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}`
  )
  console.log(row("hub's 200 (journal fsync included)", figures.ack))
  console.log(row('each seat has the call', figures.perSeat))
  console.log(row('every seat has the call', figures.everySeat))
  console.log(row('  spread: first seat -> last seat', figures.spread))

  const races = figures.races
  const clean = races.filter(
    (r) => r.acceptsAtMeta === 1 && r.winners === 1 && r.conflicts === SEATS - 1
  )
  console.log(`\nAnswer races: ${races.length}, ${SEATS} seats each accepting at once`)
  console.log(
    `${'race'.padEnd(5)} ${'accepts at Meta'.padStart(15)} ${'won'.padStart(4)} ${'conflict'.padStart(8)} ${'other'.padStart(6)} ${'send->win ms'.padStart(13)} ${'webhook->win ms'.padStart(16)}`
  )
  races.forEach((r, index) => {
    console.log(
      `${String(index + 1).padEnd(5)} ${String(r.acceptsAtMeta).padStart(15)} ${String(r.winners).padStart(4)} ${String(r.conflicts).padStart(8)} ${String(r.otherFailures).padStart(6)} ${r.sendToWinMs.toFixed(1).padStart(13)} ${r.webhookToWinMs.toFixed(1).padStart(16)}`
    )
  })
  console.log(
    '(send->win includes the simulated Meta answering the offer with its own media peer;\n webhook->win also waiting for every seat to ring and making the real offer once.)'
  )
  console.log(
    `races with exactly one accept at Meta and ${SEATS - 1} conflicts: ${clean.length}/${races.length}`
  )
  const busy = busyMachineNote()
  if (busy) console.log(`\n${busy}`)
  const p95 = percentile(figures.everySeat, 95)
  console.log(
    `\ngoal: every seat has the call, p95 <= ${GOAL_P95_MS} ms: ${p95 <= GOAL_P95_MS ? 'met' : 'not met'} (${p95.toFixed(1)} ms)`
  )
}

async function main(): Promise<void> {
  const dirs: string[] = []
  const seats: SeatClient[] = []
  // own-url: the listener's loopback origin is the hub's public address, as PUBLIC_URL would be.
  const rig = await startInProcessRig({ sdpShape: 'string', ownUrl: true, ringTimeoutMs: 30_000 })
  try {
    await until<void>('the hub did not take its public address', DELIVERY_TIMEOUT_MS, (done) => {
      const poll = setInterval(() => {
        if (!rig.core.status().publicUrl) return
        clearInterval(poll)
        done()
      }, 20)
    })
    seats.push(...(await pairSeats(rig, dirs)))
    report(await runCalls(rig, seats))
  } finally {
    for (const seat of seats) seat.close()
    await rig.close()
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
