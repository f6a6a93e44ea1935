/**
 * Item 5, our own transitions: a core that dies (no stop(), no flush) with calls live leaves a
 * journal from which the next start knows them: a call that was connected is recorded as ended
 * (completed), not replayed as missed, and Meta's terminate arriving after the restart does not
 * change that; a call still inside its ring window rings again on the new core.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { connect, delivery, startCore, terminate, type RunningCore } from './core-harness'

let dataDir: string
const cores: RunningCore[] = []

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'journal-restart-'))
})

afterEach(async () => {
  for (const running of cores.splice(0)) await running.core.stop().catch(() => undefined)
  await rm(dataDir, { recursive: true, force: true })
})

/** What a kill leaves: the files as they are; only the socket and timers are let go here. */
async function die(running: RunningCore): Promise<void> {
  cores.splice(cores.indexOf(running), 1)
  await running.core.webhook.close()
  running.core.registry.dispose()
  // The grouped fsync of the last transition notes takes a few ms; a kill inside that window
  // would lose them (the call is then known from its deliveries alone).
  await new Promise((resolve) => setTimeout(resolve, 100))
}

it('records a call connected when the core died as ended, and rings a call still in its window', async () => {
  const first = await startCore(dataDir)
  cores.push(first)
  expect(await first.post(delivery(connect('c_talking')))).toBe(200)
  expect(await first.post(delivery(connect('c_ringing')))).toBe(200)
  await first.core.webhook.drained()
  first.core.registry.beginAnswer('c_talking', 'desk-1')
  first.core.registry.markConnected('c_talking')
  await die(first)

  const second = await startCore(dataDir)
  cores.push(second)
  expect(second.core.history.get('c_talking')).toMatchObject({
    outcome: 'completed',
    reason: 'shutdown'
  })
  expect(second.core.registry.get('c_ringing')?.state).toBe('ringing')

  // Meta's terminate for the call that was connected comes after the restart: nothing changes.
  const before = second.core.history.get('c_talking')
  expect(await second.post(delivery(terminate('c_talking')))).toBe(200)
  await second.core.webhook.drained()
  expect(second.core.history.get('c_talking')).toEqual(before)
  expect(second.core.history.get('c_ringing')).toBeUndefined()
})
