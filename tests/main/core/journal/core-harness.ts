/**
 * One assembled core on loopback with a data folder that outlives it, so a test can stop it (or
 * lose it) and start another on the same folder: a restart, as far as the files can tell.
 */
import { HistoryStore } from '../../../../src/main/core/history'
import { memoryLogger } from '../../../../src/main/core/log'
import { SettingsStore, defaultSettings, resolveConfig } from '../../../../src/main/core/config'
import { createSoftphoneCore, type SoftphoneCore } from '../../../../src/main/core/softphone-core'
import { signBody } from '../../../../src/main/core/webhook/signature'

export const PAGE_ID = '1234567890'
export const SECRET = 'journal-test-app-secret'

export interface RunningCore {
  core: SoftphoneCore
  url: string
  logger: ReturnType<typeof memoryLogger>
  post(body: unknown): Promise<number>
}

export async function startCore(
  dataDir: string,
  env: Record<string, string> = {}
): Promise<RunningCore> {
  const logger = memoryLogger()
  const config = resolveConfig({
    settings: defaultSettings(),
    secrets: {},
    env: {
      FB_PAGE_ID: PAGE_ID,
      FB_PAGE_ACCESS_TOKEN: 'EAAjournalTestToken',
      FB_APP_SECRET: SECRET,
      // Nothing listens here: a Graph request fails at once instead of reaching Meta.
      GRAPH_API_URL: 'http://127.0.0.1:9',
      WEBHOOK_PORT: '0',
      ...env
    }
  })
  const settings = await SettingsStore.open(dataDir, logger)
  const core = await createSoftphoneCore({ config, dataDir, settings, logger })
  const { webhookUrl } = await core.start()
  return {
    core,
    url: webhookUrl,
    logger,
    post: async (body) => {
      const text = JSON.stringify(body)
      const res = await fetch(webhookUrl, {
        method: 'POST',
        body: text,
        headers: {
          'content-type': 'application/json',
          'x-hub-signature-256': signBody(text, SECRET)
        }
      })
      await res.arrayBuffer()
      return res.status
    }
  }
}

/** Reads the history a stopped core left behind. */
export async function historyIn(dataDir: string): Promise<HistoryStore> {
  return HistoryStore.open(dataDir, memoryLogger())
}

const seconds = (ms: number): number => Math.floor(ms / 1000)

export function delivery(call: Record<string, unknown>, time = Date.now()) {
  return { object: 'page', entry: [{ id: PAGE_ID, time: seconds(time), calls: [call] }] }
}

export function connect(id: string, at = Date.now()): Record<string, unknown> {
  return {
    id,
    event: 'connect',
    to: PAGE_ID,
    from: `psid-${id}`,
    timestamp: seconds(at),
    call_direction: 'user_initiated',
    session: { sdp_type: 'offer', sdp: 'v=0\r\n' }
  }
}

export function terminate(
  id: string,
  status = 'Completed',
  at = Date.now()
): Record<string, unknown> {
  return {
    id,
    event: 'terminate',
    to: PAGE_ID,
    from: `psid-${id}`,
    timestamp: seconds(at),
    status
  }
}
