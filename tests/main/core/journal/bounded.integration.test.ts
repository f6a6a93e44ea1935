/** Item 7 through the assembled core: the max-ringing setting bounds a flood of connects. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { connect, delivery, startCore, type RunningCore } from './core-harness'

let dataDir: string | undefined
let running: RunningCore | undefined

afterEach(async () => {
  await running?.core.stop()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

it('rings at most maxRingingCalls calls; the rest are missed calls in history, never ringing', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'journal-bounded-'))
  await writeFile(join(dataDir, 'settings.json'), JSON.stringify({ maxRingingCalls: 2 }))
  running = await startCore(dataDir)
  const rang: string[] = []
  running.core.registry.on('call', (call) => {
    if (call.state === 'ringing') rang.push(call.id)
  })
  for (const id of ['c1', 'c2', 'c3']) expect(await running.post(delivery(connect(id)))).toBe(200)
  await running.core.webhook.drained()
  expect(rang).toEqual(['c1', 'c2'])
  const deadline = Date.now() + 5000
  while (!running.core.history.get('c3') && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  expect(running.core.history.get('c3')).toMatchObject({
    outcome: 'missed',
    reason: 'too-many-ringing',
    error: 'Missed: too many calls were ringing at once.'
  })
})
