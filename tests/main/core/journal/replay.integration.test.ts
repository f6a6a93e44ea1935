/**
 * Item 4: a replay changes nothing. Whoever runs the tunnel sees Meta's signed deliveries and can
 * send them again, also after the core restarted and its registry forgot every call: a call whose
 * outcome is recorded never rings again nor changes outcome, and a delivery older than the
 * replay window (7 days) is ignored.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Call } from '../../../../src/shared/calls'
import { connect, delivery, startCore, terminate, type RunningCore } from './core-harness'

const DAY_MS = 24 * 60 * 60_000

let dataDir: string
let running: RunningCore | undefined

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'journal-replay-'))
})

afterEach(async () => {
  await running?.core.stop()
  running = undefined
  await rm(dataDir, { recursive: true, force: true })
})

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Every state the registry publishes from now on. */
function watchCalls(core: RunningCore): Call[] {
  const seen: Call[] = []
  core.core.registry.on('call', (call) => seen.push(call))
  return seen
}

describe('replayed deliveries', () => {
  it('never ring a recorded call again nor change its outcome, after a restart too', async () => {
    running = await startCore(dataDir)
    const ring = delivery(connect('c_declined'))
    const end = delivery(terminate('c_declined'))
    expect(await running.post(ring)).toBe(200)
    await running.core.webhook.drained()
    running.core.registry.decline('c_declined')
    await until(() => running!.core.history.get('c_declined') !== undefined, 'the record')
    // Meta's own terminate follows the decline: a duplicate while the call is still known.
    expect(await running.post(end)).toBe(200)
    await running.core.webhook.drained()
    // The follow-up writes why the call was missed to its record a moment after it ends.
    await until(() => running!.core.history.get('c_declined')?.followUp !== undefined, 'follow-up')
    const recorded = running.core.history.get('c_declined')
    expect(recorded).toMatchObject({ outcome: 'declined', reason: 'declined' })

    await running.core.stop()
    running = await startCore(dataDir)
    const calls = watchCalls(running)
    // The same signed bytes again, in both orders: the new registry has never heard of the call.
    expect(await running.post(ring)).toBe(200)
    expect(await running.post(end)).toBe(200)
    expect(await running.post(ring)).toBe(200)
    await running.core.webhook.drained()
    await new Promise((resolve) => setTimeout(resolve, 50))

    expect(calls).toEqual([])
    expect(running.core.registry.get('c_declined')).toBeUndefined()
    expect(running.core.history.get('c_declined')).toEqual(recorded)
  })

  it('ignore a delivery whose entry time is older than 7 days', async () => {
    running = await startCore(dataDir)
    const calls = watchCalls(running)
    const old = Date.now() - 8 * DAY_MS
    expect(await running.post(delivery(terminate('c_old', 'Completed', old), old))).toBe(200)
    expect(await running.post(delivery(connect('c_old2', old), old))).toBe(200)
    await running.core.webhook.drained()
    expect(calls).toEqual([])
    expect(running.core.history.count()).toBe(0)
    expect(running.logger.entries.map((entry) => entry.message)).toContain(
      'ignored a delivery older than the replay window'
    )
  })

  it('still never ring a connect for an unknown call older than the ring window', async () => {
    running = await startCore(dataDir)
    const calls = watchCalls(running)
    const late = Date.now() - 5 * 60_000
    expect(await running.post(delivery(connect('c_late', late), late))).toBe(200)
    await running.core.webhook.drained()
    expect(calls.map((call) => call.state)).toEqual(['ended'])
    expect(calls[0]).toMatchObject({ outcome: 'missed', reason: 'ring-timeout' })
  })
})
