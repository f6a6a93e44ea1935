/**
 * Refusals a tunnel operator cannot forge: a seat behind a relay that writes "removed" in the
 * WebSocket close frame keeps retrying and comes back, while the hub's own refusal, sealed in
 * the link, stops it. A version mismatch (which cannot be sealed) is shown while retrying slowly.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { SEAT_BACKOFF } from '../../../../src/main/core/seat-link/seat-client'
import { REMOVED_SENTENCE } from '../../../../src/main/core/seat-link/seat-refusals'
import {
  manualTimers,
  onCleanup,
  pairedSeat,
  runCleanups,
  seatClient,
  startHub,
  tempDir
} from './echo-hub'
import { startForgingRelay } from './forging-relay'
import { untilStatus } from './seat-statuses'

afterEach(runCleanups)

const QUICK = { initialMs: 20, maxMs: 100, factor: 2, jitter: 0 }

async function relayedSeat() {
  const hub = await startHub()
  const relay = await startForgingRelay(hub.url)
  onCleanup(() => relay.close())
  const seat = await pairedSeat(hub, { hubUrl: relay.url, backoff: QUICK })
  return { hub, relay, seat }
}

describe('refusals a seat believes', () => {
  it('keeps retrying when the relay forges "removed" in the close frame, and comes back', async () => {
    const { relay, seat } = await relayedSeat()
    relay.forgeClose('This desk was removed from the hub')
    expect(await untilStatus(seat, 'offline')).toEqual({
      state: 'offline',
      reason: 'Hub offline: This desk was removed from the hub'
    })
    await untilStatus(seat, 'online')
    await expect(seat.api.listCalls({})).resolves.toMatchObject({ deskName: 'Front desk' })
  })

  it('keeps retrying when the relay forges a refusal before any handshake', async () => {
    const { relay, seat } = await relayedSeat()
    relay.forgeOnConnect('This desk is not paired with this hub')
    relay.forgeClose('This desk is not paired with this hub')
    await untilStatus(seat, 'offline')
    const knocks = relay.connections
    await expect.poll(() => relay.connections, { timeout: 3000 }).toBeGreaterThan(knocks + 2)
    expect(seat.status.state).not.toBe('refused')
    relay.forgeOnConnect(undefined)
    await untilStatus(seat, 'online')
  })

  it('stops on a real removal, sealed by the hub, through the same relay', async () => {
    const { hub, relay, seat } = await relayedSeat()
    await hub.seats.remove('Front desk')
    expect(await untilStatus(seat, 'refused')).toEqual({
      state: 'refused',
      reason: REMOVED_SENTENCE,
      words: { key: 'seatRefused.removed' }
    })
    const knocks = relay.connections
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(relay.connections).toBe(knocks)

    // Asked to try again, it hears the same from the hub, sealed, at its handshake.
    seat.reconnect()
    await expect.poll(() => relay.connections).toBe(knocks + 1)
    expect(await untilStatus(seat, 'refused')).toEqual({
      state: 'refused',
      reason: REMOVED_SENTENCE,
      words: { key: 'seatRefused.removed' }
    })
  })

  it('shows a version mismatch while retrying every 30 s, without flickering', async () => {
    const hub = await startHub()
    const dataDir = await tempDir()
    ;(await pairedSeat(hub, { dataDir })).close()
    const { timers, due } = manualTimers()
    const newer = seatClient({ hubUrl: hub.url, dataDir, version: '2', timers })
    const shown: string[] = []
    newer.onStatus((status) => shown.push(status.state))
    await untilStatus(newer, 'refused')
    expect(newer.status).toEqual({
      state: 'refused',
      reason: 'The hub runs an older version than this desk: update the hub',
      words: { key: 'seatRefused.hubOlder' }
    })
    await expect.poll(() => due.map(({ ms }) => ms)).toEqual([SEAT_BACKOFF.maxMs])
    due.splice(0)[0]!.run()
    await expect.poll(() => due.map(({ ms }) => ms)).toEqual([SEAT_BACKOFF.maxMs])
    // Heard from its first refusal on: the retry did not put "connecting" in its place.
    expect(shown).toEqual(['refused'])

    // The hub gone meanwhile: plain "offline", and the tries after it say "connecting" again.
    await hub.stop()
    due.splice(0)[0]!.run()
    await untilStatus(newer, 'offline')
    await expect.poll(() => due.length).toBe(1)
    due.splice(0)[0]!.run()
    await expect.poll(() => shown.slice(-2)).toEqual(['connecting', 'offline'])
  })
})
