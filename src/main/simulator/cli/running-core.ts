/**
 * The simulator beside a core started on its own (`npm run serve`): it reads the configuration the
 * core reads (the same environment, settings.json and secrets.json in the same data folder), plays
 * Meta on the port of the core's GRAPH_API_URL, and connects to the core's bridge through the
 * `bridge.json` the core wrote. Every problem becomes a sentence saying what to do.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { BridgeClient } from '../../../shared/bridge-client'
import { BRIDGE_INFO_FILE, type BridgeInfo } from '../../core/bridge/ui-server'
import {
  FileSecretStore,
  SETTINGS_FILE,
  readEnv,
  resolveConfig,
  resolveDataDir,
  type Env,
  type RequiredCredential,
  type RuntimeConfig
} from '../../core/config'
import { parseSettingsLeniently } from '../../core/config/lenient'
import type { Logger } from '../../core/log'
import { connectBridge } from '../rig/bridge-connection'
import type { ScenarioEnv } from '../scenarios/types'
import { startSimulator, type Simulator } from '../simulator'

/** A problem the person running the command can fix; its message is the whole explanation. */
export class SetupError extends Error {
  override readonly name = 'SetupError'
}

export interface RunningCoreSession {
  env: ScenarioEnv
  close(): Promise<void>
}

const VARIABLE_OF: Record<RequiredCredential, string> = {
  pageId: 'FB_PAGE_ID',
  pageAccessToken: 'FB_PAGE_ACCESS_TOKEN',
  appSecret: 'FB_APP_SECRET'
}

/** Used only where the core has no app id: the fake Graph needs one, the calls API does not. */
const FALLBACK_APP_ID = '000000000000000'

/** What the core resolves at start, read the same way but without writing anything. */
async function readCoreConfig(env: Env, dataDir: string): Promise<RuntimeConfig> {
  const text = await readFile(join(dataDir, SETTINGS_FILE), 'utf8').catch(() => undefined)
  let input: unknown = {}
  try {
    input = text?.trim() ? JSON.parse(text) : {}
  } catch {
    // The core falls back to the defaults for a damaged file; so do we.
  }
  const { settings } = parseSettingsLeniently(input)
  const secrets = await new FileSecretStore(dataDir).get()
  return resolveConfig({ settings, secrets, env })
}

async function readBridgeInfo(dataDir: string): Promise<BridgeInfo> {
  const file = join(dataDir, BRIDGE_INFO_FILE)
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    throw new SetupError(
      `No running core found: ${file} does not exist. Start the core first with \`npm run serve\` ` +
        '(with the same SOFTPHONE_DATA_DIR), or run the scenarios with --with-core.'
    )
  }
  const info = JSON.parse(text) as Partial<BridgeInfo>
  if (typeof info.url !== 'string' || typeof info.port !== 'number') {
    throw new SetupError(`${file} is not a bridge description; restart the core to rewrite it.`)
  }
  return info as BridgeInfo
}

/** The port of GRAPH_API_URL, which must name this machine's loopback with an explicit port. */
function graphPort(apiUrl: string): number {
  const url = new URL(apiUrl)
  if (url.protocol !== 'http:' || url.hostname !== '127.0.0.1' || url.port === '') {
    throw new SetupError(
      `GRAPH_API_URL is ${apiUrl}, and the simulator can only play Meta on this machine. Start ` +
        'the core and the simulator with GRAPH_API_URL=http://127.0.0.1:<port> (for example ' +
        'http://127.0.0.1:47810): the simulator listens there and the core calls it.'
    )
  }
  return Number(url.port)
}

async function openBridge(info: BridgeInfo): Promise<BridgeClient> {
  try {
    return await connectBridge(info.url)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new SetupError(
      `Cannot reach the core's bridge on 127.0.0.1:${info.port} (${reason}). Is \`npm run serve\` ` +
        'running with this SOFTPHONE_DATA_DIR? bridge.json may be left over from an earlier run.'
    )
  }
}

async function startOnPort(
  config: RuntimeConfig,
  port: number,
  webhookUrl: string,
  logger: Logger
): Promise<Simulator> {
  const { credentials } = config
  try {
    return await startSimulator({
      pageId: credentials.pageId ?? '',
      pageAccessToken: credentials.pageAccessToken ?? '',
      appId: credentials.appId ?? FALLBACK_APP_ID,
      appSecret: credentials.appSecret ?? '',
      apiVersion: config.graph.apiVersion,
      graphPort: port,
      webhookUrl,
      logger
    })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') {
      throw new SetupError(
        `Port ${port} of GRAPH_API_URL is already taken: is another \`npm run sim\` running?`
      )
    }
    throw error
  }
}

export async function connectToRunningCore(env: Env, logger: Logger): Promise<RunningCoreSession> {
  const dataDir = resolveDataDir(readEnv(env).dataDir, env)
  const info = await readBridgeInfo(dataDir)
  const config = await readCoreConfig(env, dataDir)
  if (config.page.missing.length > 0) {
    const names = config.page.missing.map((key) => VARIABLE_OF[key]).join(', ')
    throw new SetupError(
      `The simulator needs the Page credentials the core uses; missing: ${names}. Set them as ` +
        'for `npm run serve` (or in that data folder).'
    )
  }
  const port = graphPort(config.graph.apiUrl)
  const client = await openBridge(info)
  try {
    const { status } = await client.api.hello({})
    if (status.page.pageId !== config.credentials.pageId) {
      throw new SetupError(
        `The running core serves Page ${status.page.pageId ?? '(none)'}, but FB_PAGE_ID here is ` +
          `${config.credentials.pageId ?? '(unset)'}: run both with the same environment.`
      )
    }
    const webhookUrl =
      status.webhookUrl ?? `http://127.0.0.1:${config.webhook.port}${config.webhook.path}`
    const sim = await startOnPort(config, port, webhookUrl, logger)
    return {
      env: { sim, core: client, ringTimeoutMs: config.ringTimeoutMs, logger },
      async close() {
        client.close()
        await sim.close()
      }
    }
  } catch (error) {
    client.close()
    throw error
  }
}
