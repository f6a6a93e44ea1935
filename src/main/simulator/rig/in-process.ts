/**
 * A whole softphone on loopback, for `npm run sim -- --with-core` and the integration tests: the
 * real core (webhook listener, registry, Graph client, history in a temporary data folder) and its
 * real WebSocket bridge, configured to use the simulator as Meta, plus a bridge client playing
 * the UI. The core starts as every root starts it (core/start-core). Nothing is mocked: every
 * hop is real HTTP or WebSocket over 127.0.0.1.
 */
import { createTestCallSimulator } from '../test-call'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BridgeClient } from '../../../shared/bridge-client'
import type { UiServer } from '../../core/bridge/ui-server'
import { silentLogger, type Logger } from '../../core/log'
import type { SoftphoneCore } from '../../core/softphone-core'
import { startCore, type StartedCore } from '../../core/start-core'
import type { CallerAudio } from '../caller'
import type { SdpShape } from '../platform'
import type { ScenarioEnv } from '../scenarios/types'
import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator'
import { connectBridge } from './bridge-connection'

/** Long enough that no scenario's answer races it; `missed` ages its call to ring ~2 s of it. */
export const RIG_RING_TIMEOUT_MS = 5000

export interface InProcessRigOptions {
  /** The core's ring timeout (SOFTPHONE_RING_TIMEOUT_S); default 5 s. */
  ringTimeoutMs?: number | undefined
  sdpShape?: SdpShape | undefined
  requireAppsecretProof?: boolean | undefined
  callerAudio?: CallerAudio | undefined
  logger?: Logger | undefined
  /** Browser mode: serve the built renderer (out/renderer) beside the bridge. */
  staticDir?: string | undefined
  /** Offer the in-app test call (the simulator in echo mode, on its own line). */
  testCalls?: boolean | undefined
  /** Start as a fresh install would: no Page connected (the simulator still runs). */
  withoutPage?: boolean | undefined
  /** How the simulated customer of a call back behaves, and whether Meta checks permission. */
  callBack?:
    Pick<SimulatorOptions, 'requireCallPermission' | 'customer' | 'connectReplyDelayMs'> | undefined
  /**
   * Open a localtunnel to this server (a test's fake localtunnel server) and register the webhook
   * through it, as a desktop with TUNNEL=localtunnel does; Meta's handshake then travels through it.
   */
  tunnelHost?: string | undefined
  /**
   * Register the listener's own loopback address with the simulator as this desk's public URL
   * (own-url mode), so the desk looks at who owns the app's webhook before registering.
   */
  ownUrl?: boolean | undefined
  /** The desk's name in Settings (what other desks of the app call it). */
  deskName?: string | undefined
  /**
   * A second desk of the same app: use that rig's simulator (its Meta) and credentials instead of
   * new ones. Closing this rig leaves them running; the simulator keeps delivering to that rig.
   */
  joinApp?: Pick<InProcessRig, 'sim' | 'credentials'> | undefined
  /** How often a desk that owns the webhook reads it again (default 5 min). */
  webhookRecheckMs?: number | undefined
}

export interface RigCredentials {
  pageId: string
  pageAccessToken: string
  appId: string
  appSecret: string
}

export interface InProcessRig {
  sim: Simulator
  core: SoftphoneCore
  ui: UiServer
  /** A UI's connection to the core, over the real bridge. */
  client: BridgeClient
  dataDir: string
  webhookUrl: string
  credentials: RigCredentials
  /** What the scenario runner needs. */
  env: ScenarioEnv
  close(): Promise<void>
}

/** Fresh credentials per rig: nothing real, nothing shared between runs. */
function simulatedCredentials(): RigCredentials {
  return {
    pageId: '106378625516323',
    pageAccessToken: `EAASimulated${randomBytes(24).toString('hex')}`,
    appId: '987654321012345',
    appSecret: randomBytes(16).toString('hex')
  }
}

export async function startInProcessRig(options: InProcessRigOptions = {}): Promise<InProcessRig> {
  const logger = options.logger ?? silentLogger
  const ringTimeoutMs = options.ringTimeoutMs ?? RIG_RING_TIMEOUT_MS
  const credentials = options.joinApp?.credentials ?? simulatedCredentials()
  const parts: {
    sim?: Simulator
    dataDir?: string
    started?: StartedCore
    client?: BridgeClient
  } = {}
  // The UI goes first and the simulator before the core, so Meta's last webhooks still land.
  const close = async (): Promise<void> => {
    const { sim, dataDir, started, client } = parts
    const steps: [string, (() => Promise<unknown>) | undefined][] = [
      ['bridge client', client && (async () => client.close())],
      ['simulator', sim && (() => sim.close())],
      // The UI bridge, the tunnel and the core, last started first.
      ['core', started && (() => started.dispose())],
      ['data folder', dataDir ? () => rm(dataDir, { recursive: true, force: true }) : undefined]
    ]
    for (const [name, step] of steps) {
      await step?.().catch((error: unknown) =>
        logger.warn('could not close part of the rig', { part: name, error: String(error) })
      )
    }
  }

  try {
    // The fake Graph starts first: the core must be told its URL, and the core's webhook port is
    // known only once the core listens.
    const sim =
      options.joinApp?.sim ??
      (parts.sim = await startSimulator({
        ...credentials,
        sdpShape: options.sdpShape,
        requireAppsecretProof: options.requireAppsecretProof,
        callerAudio: options.callerAudio,
        ...options.callBack,
        logger
      }))
    const dataDir = (parts.dataDir = await mkdtemp(join(tmpdir(), 'softphone-sim-')))
    const env = {
      ...(options.withoutPage
        ? {}
        : {
            FB_PAGE_ID: credentials.pageId,
            FB_PAGE_ACCESS_TOKEN: credentials.pageAccessToken,
            FB_APP_ID: credentials.appId,
            FB_APP_SECRET: credentials.appSecret
          }),
      FB_VERIFY_TOKEN: randomBytes(12).toString('hex'),
      GRAPH_API_URL: sim.graphUrl,
      WEBHOOK_PORT: '0',
      SOFTPHONE_RING_TIMEOUT_S: String(ringTimeoutMs / 1000),
      ...(options.tunnelHost ? { TUNNEL: 'localtunnel', TUNNEL_HOST: options.tunnelHost } : {})
    }
    // Onboarding saves the Page the user types here (secrets.json, 0600, in the temporary folder).
    const started = (parts.started = await startCore({
      env,
      dataDir,
      logger,
      core: {
        testCallSimulator: options.testCalls ? createTestCallSimulator : undefined,
        webhookRecheckMs: options.webhookRecheckMs
      },
      onListening: async ({ settings, webhookUrl }) => {
        if (!options.joinApp) sim.setWebhookUrl(webhookUrl)
        if (options.deskName) await settings.update({ desk: { name: options.deskName } })
        // As an owner entering their own public address: here, the listener's loopback one.
        if (options.ownUrl) {
          const publicUrl = new URL(webhookUrl).origin
          await settings.update({ tunnel: { mode: 'own-url', publicUrl } })
        }
      },
      tunnel: Boolean(options.tunnelHost || options.ownUrl),
      ui: { port: 0, staticDir: options.staticDir }
    }))
    const { core, ui, config, webhookUrl } = started
    const client = (parts.client = await connectBridge(ui.info.url))

    return {
      sim,
      core,
      ui,
      client,
      dataDir,
      webhookUrl,
      credentials,
      env: { sim, core: client, ringTimeoutMs: config.ringTimeoutMs, logger },
      close
    }
  } catch (error) {
    await close()
    throw error
  }
}
