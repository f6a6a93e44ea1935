/**
 * Item 5, our own transitions: a core that dies (no stop(), no flush) with calls live leaves a
 * journal from which the next start knows them: a call that was connected is live again (not
 * replayed as missed: issue 13, item 8, a seat may still be talking), and Meta's terminate after
 * the restart ends it as it really ended; a call still inside its ring window rings again.
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

it('restores a call connected when the core died, and rings a call still in its window', async () => {
  const first = await startCore(dataDir)
  cores.push(first)
  expect(await first.post(delivery(connect('c_talking')))).toBe(200)
  expect(await first.post(delivery(connect('c_ringing')))).toBe(200)
  await first.core.webhook.drained()
  first.core.registry.beginAnswer('c_talking', 'desk-1', 'Front desk')
  first.core.registry.markConnected('c_talking')
  await die(first)

  const second = await startCore(dataDir)
  cores.push(second)
  expect(second.core.history.get('c_talking')).toBeUndefined()
  expect(second.core.registry.get('c_talking')).toMatchObject({
    state: 'connected',
    answeredByDesk: 'Front desk'
  })
  expect(second.core.registry.get('c_ringing')?.state).toBe('ringing')

  // Meta's terminate for the call that was connected comes after the restart: it ends it.
  expect(await second.post(delivery(terminate('c_talking')))).toBe(200)
  await second.core.webhook.drained()
  await expect
    .poll(() => second.core.history.get('c_talking'))
    .toMatchObject({
      outcome: 'completed',
      reason: 'caller-hung-up',
      answeredByDesk: 'Front desk'
    })
  expect(second.core.history.get('c_ringing')).toBeUndefined()
})
