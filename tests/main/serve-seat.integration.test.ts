/**
 * A headless seat as people start it: `SOFTPHONE_HUB=<hub> SOFTPHONE_PAIRING_CODE=<code>
 * npm run web` in its own process, against a real hub core in this process (the
 * in-process rig, Meta simulated). The seat pairs over the secure link, its window (a bridge
 * client on the seat's own loopback bridge) rings for the hub's calls and answers or declines
 * them; a restart without the code reconnects with the saved keys; no code and no keys, or a
 * code already spent, stop it with exit 2 and a sentence.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BridgeClient } from '../../src/shared/bridge-client'
import { BRIDGE_INFO_FILE } from '../../src/main/core/bridge/ui-server'
import { loadHubPin, PINNED_HUB_FILE } from '../../src/main/core/seat-link/link-key-files'
import { HeadlessClient } from '../../src/main/simulator/client/headless-client'
import { connectBridge } from '../../src/main/simulator/rig/bridge-connection'
import { startInProcessRig, type InProcessRig } from '../../src/main/simulator/rig/in-process'
import { CallWatch } from '../../src/main/simulator/scenarios'
import { NOT_PAIRED_SENTENCE } from '../../src/main/serve-seat'
import { serve, waitFor, type Running } from './serve-process'

const TOKEN = 'seat-test-ui-token-0123456789'

let rig: InProcessRig
let hubUrl: string
const dirs: string[] = []
const processes: Running[] = []
const cleanups: (() => unknown)[] = []

beforeEach(async () => {
  rig = await startInProcessRig({ deskName: 'Front desk' })
  // The hub's public address: its listener, where the seat link sits beside the webhook.
  hubUrl = new URL(rig.webhookUrl).origin
})

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  for (const running of processes.splice(0)) {
    if (running.child.exitCode === null) running.child.kill('SIGKILL')
  }
  await rig.close()
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'softphone-seat-serve-'))
  dirs.push(dir)
  return dir
}

/** `hub: false`: started without SOFTPHONE_HUB, as the stored role says. */
function seat(dir: string, code?: string, hub = true): Running {
  const running = serve(
    {
      SOFTPHONE_DATA_DIR: dir,
      ...(hub ? { SOFTPHONE_HUB: hubUrl } : {}),
      SOFTPHONE_UI_PORT: '0',
      SOFTPHONE_UI_TOKEN: TOKEN,
      ...(code ? { SOFTPHONE_PAIRING_CODE: code } : {})
    },
    ['--web']
  )
  processes.push(running)
  return running
}

/** The seat's window: a UI connected to the seat's own loopback bridge, as bridge.json says. */
async function seatWindow(running: Running, dir: string) {
  await waitFor(() => running.stdout().includes('\n'), 'the page address', 30_000)
  expect(running.stdout().split('\n')[0]).toMatch(
    new RegExp(`^http://127\\.0\\.0\\.1:\\d+/\\?token=${TOKEN}$`)
  )
  const info = JSON.parse(await readFile(join(dir, BRIDGE_INFO_FILE), 'utf8')) as { url: string }
  const client: BridgeClient = await connectBridge(info.url)
  const watch = new CallWatch(client)
  cleanups.push(
    () => client.close(),
    () => watch.close()
  )
  return { client, watch }
}

/** SIGTERM: the seat stops cleanly, its bridge file gone with its bridge. */
async function stop(running: Running, dir: string): Promise<void> {
  running.child.kill('SIGTERM')
  expect(await running.exited).toBe(0)
  await expect(readFile(join(dir, BRIDGE_INFO_FILE))).rejects.toThrow(/ENOENT/)
}

describe('npm run web as a seat (SOFTPHONE_HUB)', () => {
  it('pairs with the code, rings and answers for the hub, and reconnects later with its saved keys', async () => {
    const dir = await dataDir()
    const code = rig.core.seats!.issueCode('Back desk').text
    const first = seat(dir, code)
    const window = await seatWindow(first, dir)
    expect(first.stderr()).toContain('online with the hub')
    // The code is a secret: never in the log.
    expect(first.stderr()).not.toContain(code)
    const status = await window.client.api.getStatus({})
    expect(status.hub).toMatchObject({ link: { state: 'online' } })
    expect(status.webhookUrl).toBeNull()

    const callId = await rig.sim.placeCall()
    await window.watch.untilState(callId, 'ringing', 10_000)
    const desk = new HeadlessClient({ audio: { mode: 'tone', frequency: 700 } })
    cleanups.push(() => desk.close())
    await desk.answer(window.client.api, callId)
    await window.watch.untilState(callId, 'connected', 10_000)
    // The hub knows which desk took it: the name it paired under.
    await expect
      .poll(async () => (await rig.client.api.listCalls({})).find((c) => c.id === callId))
      .toMatchObject({ answeredByDesk: 'Back desk' })
    await rig.sim.hangUpAsCaller(callId)
    await window.watch.untilState(callId, 'ended', 10_000)
    await stop(first, dir)
    // SOFTPHONE_HUB is recorded with the pin: this desk's stored role is now that hub's seat.
    expect((await loadHubPin(dir))?.hubUrl).toContain(new URL(hubUrl).host)

    // Later starts need no code: the keys in the data folder are enough.
    const again = seat(dir)
    const later = await seatWindow(again, dir)
    const next = await rig.sim.placeCall()
    await later.watch.untilState(next, 'ringing', 10_000)
    await later.client.api.decline({ callId: next })
    await later.watch.untilState(next, 'ended', 10_000)
    await stop(again, dir)

    // Without SOFTPHONE_HUB it starts as the seat all the same: the stored role.
    const stored = seat(dir, undefined, false)
    const window3 = await seatWindow(stored, dir)
    await expect
      .poll(async () => (await window3.client.api.getStatus({})).hub?.link.state, {
        timeout: 10_000
      })
      .toBe('online')
    await stop(stored, dir)
  }, 90_000)

  it('says it needs a pairing code, and exits 2, with neither a code nor saved keys', async () => {
    const running = seat(await dataDir())
    expect(await running.exited).toBe(2)
    expect(running.stderr()).toContain(`Cannot start: ${NOT_PAIRED_SENTENCE}`)
    expect(running.stdout()).toBe('')
  })

  it('says the hub refused a spent code, and exits 2, keeping no pin', async () => {
    const code = rig.core.seats!.issueCode('Back desk').text
    const firstDir = await dataDir()
    const paired = seat(firstDir, code)
    await seatWindow(paired, firstDir)
    await stop(paired, firstDir)

    const otherDir = await dataDir()
    const refused = seat(otherDir, code)
    expect(await refused.exited).toBe(2)
    expect(refused.stderr()).toMatch(/Cannot start: The pairing code was refused/)
    expect(refused.stderr()).not.toContain(code)
    await expect(readFile(join(otherDir, PINNED_HUB_FILE))).rejects.toThrow(/ENOENT/)
  }, 60_000)
})
