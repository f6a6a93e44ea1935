/**
 * A hub as `npm run serve` in its own process, with the simulator as Meta in the test's process,
 * and one seat's data folder paired with it beforehand (as pairing leaves both folders: the hub
 * lists the seat's key, the seat pins the hub's). The hub can be killed (no stop, no flush: a
 * crash) and started again on the same data folder and port, for the hub-restart tests.
 */
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BridgeClient } from '../../src/shared/bridge-client'
import { BRIDGE_INFO_FILE } from '../../src/main/core/bridge/ui-server'
import { silentLogger } from '../../src/main/core/log'
import {
  loadOrCreateLinkKeyPair,
  savePinnedHub
} from '../../src/main/core/seat-link/link-key-files'
import { SeatRegistry } from '../../src/main/core/seat-link/seat-registry'
import { DEFAULT_WEBHOOK_PATH } from '../../src/main/core/webhook/server'
import { connectBridge } from '../../src/main/simulator/rig/bridge-connection'
import {
  startSimulator,
  type Simulator,
  type SimulatorOptions
} from '../../src/main/simulator/simulator'
import { serve, waitFor, type Running } from './serve-process'

export interface HubProcessOptions {
  /** The name the seat is paired under. */
  seatName: string
  /** Where the test's cleanups go (run last added first); everything started here is added. */
  cleanups: (() => unknown)[]
  sim?: Pick<SimulatorOptions, 'sdpShape' | 'callerAudio'> | undefined
}

export interface HubProcess {
  sim: Simulator
  hubDir: string
  /** The paired seat's data folder: its keys and the hub's pinned key. */
  seatDir: string
  /** The hub's address, as SOFTPHONE_HUB names it. */
  hubUrl: string
  /** Kills the hub process, as a crash would. */
  kill(): Promise<void>
  /** Starts the hub again on the same data folder and port. */
  restart(): Promise<void>
  /** The hub's owner over the running hub's loopback bridge. */
  owner(): Promise<BridgeClient>
  /** The paired seat as `serve --web` (stopped with the test), and the address of its page. */
  startSeat(): Promise<{ seat: Running; pageUrl: string }>
  /** The running seat's own desk over its loopback bridge (its settings are its own). */
  seatDesk(): Promise<BridgeClient>
  /** Whether the hub's journal holds this call as connected (what a restart knows it by). */
  journalHasConnected(callId: string): Promise<boolean>
}

export async function startHubProcess(options: HubProcessOptions): Promise<HubProcess> {
  const { cleanups } = options
  const tempDir = async (prefix: string): Promise<string> => {
    const dir = await mkdtemp(join(tmpdir(), prefix))
    cleanups.push(() => rm(dir, { recursive: true, force: true }))
    return dir
  }
  const credentials = {
    pageId: '106378625516323',
    pageAccessToken: `EAASimulated${randomBytes(24).toString('hex')}`,
    appId: '987654321012345',
    appSecret: randomBytes(16).toString('hex')
  }
  const sim = await startSimulator({ ...credentials, ...options.sim, logger: silentLogger })
  cleanups.push(() => sim.close())
  const port = await freePort()
  sim.setWebhookUrl(`http://127.0.0.1:${port}${DEFAULT_WEBHOOK_PATH}`)

  const hubDir = await tempDir('softphone-hub-process-')
  const seatDir = await tempDir('softphone-seat-of-hub-process-')
  const hubKey = await loadOrCreateLinkKeyPair(hubDir)
  const seatKey = await loadOrCreateLinkKeyPair(seatDir)
  await savePinnedHub(seatDir, hubKey.publicKey)
  await (await SeatRegistry.open(hubDir)).add(options.seatName, seatKey.publicKey)

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
  const bridgeInfo = join(hubDir, BRIDGE_INFO_FILE)

  /** Resolves once the hub's UI bridge is up (its webhook listener and seat link start before). */
  const start = async (): Promise<Running> => {
    await rm(bridgeInfo, { force: true })
    const hub = serve(env)
    cleanups.push(async () => {
      if (hub.child.exitCode !== null || hub.child.signalCode !== null) return
      hub.child.kill('SIGKILL')
      await hub.exited
    })
    let up = false
    await waitFor(
      () => {
        void readFile(bridgeInfo).then(
          () => (up = true),
          () => undefined
        )
        if (hub.child.exitCode !== null) throw new Error(`the hub exited: ${hub.stderr()}`)
        return up
      },
      'the hub to start',
      40_000
    )
    return hub
  }
  let running = await start()

  const bridgeOf = async (dir: string): Promise<BridgeClient> => {
    const info = JSON.parse(await readFile(join(dir, BRIDGE_INFO_FILE), 'utf8')) as { url: string }
    const client = await connectBridge(info.url)
    cleanups.push(() => client.close())
    return client
  }

  return {
    sim,
    hubDir,
    seatDir,
    hubUrl: `http://127.0.0.1:${port}`,
    async kill() {
      running.child.kill('SIGKILL')
      await running.exited
    },
    async restart() {
      running = await start()
    },
    owner: () => bridgeOf(hubDir),
    async startSeat() {
      // Paired beforehand: a start needs only SOFTPHONE_HUB and the keys in its folder.
      const seat = serve(
        {
          SOFTPHONE_DATA_DIR: seatDir,
          SOFTPHONE_HUB: `http://127.0.0.1:${port}`,
          SOFTPHONE_UI_PORT: '0'
        },
        ['--web']
      )
      cleanups.push(async () => {
        if (seat.child.exitCode !== null || seat.child.signalCode !== null) return
        seat.child.kill('SIGKILL')
        await seat.exited
      })
      await waitFor(() => seat.stdout().includes('\n'), `the seat's page address`, 30_000)
      return { seat, pageUrl: seat.stdout().split('\n')[0]! }
    },
    seatDesk: () => bridgeOf(seatDir),
    async journalHasConnected(callId) {
      const journal = await readFile(join(hubDir, 'journal.jsonl'), 'utf8')
      return journal
        .split('\n')
        .some((line) => line.includes(`"${callId}"`) && line.includes('"connected"'))
    }
  }
}

/** A port free now, for the hub to listen on in both of its runs. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no free port')
  return address.port
}
