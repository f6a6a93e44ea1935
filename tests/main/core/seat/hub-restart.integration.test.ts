/**
 * A hub restarted mid-call (issue 13, items 8 and 10): the hub is `npm run serve` in its own
 * process (Meta simulated in this one), a real headless seat answers a call with its own media,
 * then the hub process is killed. The seat's audio goes on (media never passes through the hub);
 * its hang up is queued and its status says so. The hub starts again on the same data folder and
 * port, restores the call from its journal, the seat reconnects on its own, and the queued hang up
 * reaches Meta; the hub's history records the call once, answered by that desk. Or the seat
 * talks on through the restart, still holding the call as its own, until Meta's terminate ends it.
 */
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import type { CoreStatus } from '../../../../src/shared/api'
import type { BridgeClient } from '../../../../src/shared/bridge-client'
import { BRIDGE_INFO_FILE } from '../../../../src/main/core/bridge/ui-server'
import { silentLogger } from '../../../../src/main/core/log'
import {
  loadOrCreateLinkKeyPair,
  savePinnedHub
} from '../../../../src/main/core/seat-link/link-key-files'
import { SeatRegistry } from '../../../../src/main/core/seat-link/seat-registry'
import { DEFAULT_WEBHOOK_PATH } from '../../../../src/main/core/webhook/server'
import { startHeadlessSeat } from '../../../../src/main/serve-seat'
import { HeadlessClient } from '../../../../src/main/simulator/client/headless-client'
import { connectBridge } from '../../../../src/main/simulator/rig/bridge-connection'
import { CallWatch } from '../../../../src/main/simulator/scenarios'
import { startSimulator } from '../../../../src/main/simulator/simulator'
import { serve, waitFor, type Running } from '../../serve-process'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await Promise.resolve()
      .then(cleanup)
      .catch(() => undefined)
  }
})

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  return dir
}

/** A port free now, for the hub to listen on in both of its runs. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

/** The hub process; resolves once its UI bridge is up (the webhook listener starts before it). */
async function startHub(env: Record<string, string>, dir: string): Promise<Running> {
  await rm(join(dir, BRIDGE_INFO_FILE), { force: true })
  const hub = serve(env)
  cleanups.push(async () => {
    if (hub.child.exitCode !== null || hub.child.signalCode !== null) return
    hub.child.kill('SIGKILL')
    await hub.exited
  })
  const bridgeUp = async (): Promise<boolean> =>
    readFile(join(dir, BRIDGE_INFO_FILE)).then(
      () => true,
      () => false
    )
  let up = false
  await waitFor(
    () => {
      void bridgeUp().then((found) => (up = found))
      if (hub.child.exitCode !== null) throw new Error(`the hub exited: ${hub.stderr()}`)
      return up
    },
    'the hub to start',
    40_000
  )
  return hub
}

async function ownerOf(dir: string): Promise<BridgeClient> {
  const info = JSON.parse(await readFile(join(dir, BRIDGE_INFO_FILE), 'utf8')) as { url: string }
  const owner = await connectBridge(info.url)
  cleanups.push(() => owner.close())
  return owner
}

/**
 * A hub process with a seat paired to it, and a call the seat answered with its own media: the
 * journal holds the call as connected (what a restart knows it by).
 */
async function talkingThroughSeat() {
  const credentials = {
    pageId: '106378625516323',
    pageAccessToken: `EAASimulated${randomBytes(24).toString('hex')}`,
    appId: '987654321012345',
    appSecret: randomBytes(16).toString('hex')
  }
  const sim = await startSimulator({ ...credentials, sdpShape: 'string', logger: silentLogger })
  cleanups.push(() => sim.close())
  const port = await freePort()
  sim.setWebhookUrl(`http://127.0.0.1:${port}${DEFAULT_WEBHOOK_PATH}`)

  // The seat paired beforehand, as pairing leaves both folders: the hub lists the seat's key,
  // the seat pins the hub's.
  const hubDir = await tempDir('softphone-hub-restart-')
  const seatDir = await tempDir('softphone-seat-restart-')
  const hubKey = await loadOrCreateLinkKeyPair(hubDir)
  const seatKey = await loadOrCreateLinkKeyPair(seatDir)
  await savePinnedHub(seatDir, hubKey.publicKey)
  await (await SeatRegistry.open(hubDir)).add('Front desk', seatKey.publicKey)

  const env = {
    FB_PAGE_ID: credentials.pageId,
    FB_PAGE_ACCESS_TOKEN: credentials.pageAccessToken,
    FB_APP_ID: credentials.appId,
    FB_APP_SECRET: credentials.appSecret,
    FB_VERIFY_TOKEN: randomBytes(12).toString('hex'),
    GRAPH_API_URL: sim.graphUrl,
    WEBHOOK_PORT: String(port),
    SOFTPHONE_DATA_DIR: hubDir,
    SOFTPHONE_UI_PORT: '0'
  }
  const hub = await startHub(env, hubDir)

  const seat = await startHeadlessSeat({
    env: {},
    overrides: { hubUrl: `http://127.0.0.1:${port}`, dataDir: seatDir },
    logger: silentLogger,
    ui: { port: 0 }
  })
  cleanups.push(() => seat.dispose())
  if (!seat.ui) throw new Error('the seat serves no UI bridge')
  const seatWindow = await connectBridge(seat.ui.info.url)
  const watch = new CallWatch(seatWindow)
  const statuses: CoreStatus[] = []
  seatWindow.on('status', (status) => statuses.push(status))
  cleanups.push(
    () => seatWindow.close(),
    () => watch.close()
  )

  const callId = await sim.placeCall({ audio: { mode: 'tone', frequency: 440 } })
  await watch.untilState(callId, 'ringing', 10_000)
  const desk = new HeadlessClient({ audio: { mode: 'tone', frequency: 880 } })
  cleanups.push(() => desk.close())
  await desk.answer(seatWindow.api, callId)
  await watch.untilState(callId, 'connected', 10_000)
  await expect(sim.callerOf(callId)?.waitForAudio({ frequency: 880 })).resolves.toMatchObject({
    connected: true
  })
  await expect
    .poll(async () =>
      (await readFile(join(hubDir, 'journal.jsonl'), 'utf8')).includes('"connected"')
    )
    .toBe(true)

  const hubLink = () => statuses.at(-1)?.hub
  return {
    sim,
    callId,
    desk,
    seatWindow,
    watch,
    hubLink,
    /** Kills the hub process (no stop, no flush) and waits until the seat has noticed. */
    async killHub() {
      hub.child.kill('SIGKILL')
      await hub.exited
      await expect.poll(() => hubLink()?.link.state, { timeout: 10_000 }).toBe('offline')
    },
    restartHub: () => startHub(env, hubDir),
    graphActions: (action: string) =>
      sim.graph.requests.filter(
        (r) => r.action === action && (r.body as { call_id?: string }).call_id === callId
      ),
    /** The call as the restarted hub's history has it (polled until it is there). */
    async recorded(expected: object) {
      const owner = await ownerOf(hubDir)
      await expect
        .poll(async () => (await owner.api.listHistory({})).filter((r) => r.callId === callId), {
          timeout: 10_000
        })
        .toEqual([expect.objectContaining({ callId, answeredByDesk: 'Front desk', ...expected })])
    }
  }
}

it('lets a seat’s hang up made while its hub was down reach Meta after the hub restarts', async () => {
  const call = await talkingThroughSeat()
  await call.killHub()

  // The seat hangs up while its hub is down: queued, said so, nothing reaches Meta yet.
  await call.desk.hangUp(call.seatWindow.api)
  await expect.poll(() => call.hubLink()?.queuedHangUps).toEqual([call.callId])
  expect(call.graphActions('terminate')).toEqual([])

  await call.restartHub()
  // The seat comes back on its own (backoff) and sends the hang up it queued.
  await expect
    .poll(() => call.graphActions('terminate').map((r) => r.status), { timeout: 40_000 })
    .toEqual([200])
  await expect.poll(() => call.hubLink()?.queuedHangUps, { timeout: 10_000 }).toEqual([])
  await call.watch.untilState(call.callId, 'ended', 10_000)
  await call.recorded({ outcome: 'completed', reason: 'we-hung-up' })
}, 180_000)

it('keeps the seat’s call its own through a hub restart, until Meta’s terminate ends it', async () => {
  const call = await talkingThroughSeat()
  const { clientId } = await call.seatWindow.api.hello({})
  await call.killHub()
  await call.restartHub()
  await expect.poll(() => call.hubLink()?.link.state, { timeout: 40_000 }).toBe('online')

  // Back online, the seat's window still holds the call as its own (its Hang up still works),
  // and the media never stopped.
  const listed = await call.seatWindow.api.listCalls({})
  expect(listed.find((c) => c.id === call.callId)).toMatchObject({
    state: 'connected',
    answeredBy: clientId
  })
  await expect(
    call.sim.callerOf(call.callId)?.waitForAudio({ frequency: 880 })
  ).resolves.toMatchObject({ connected: true })

  await call.sim.hangUpAsCaller(call.callId)
  await call.watch.untilState(call.callId, 'ended', 10_000)
  await call.recorded({ outcome: 'completed', reason: 'caller-hung-up' })
}, 180_000)
