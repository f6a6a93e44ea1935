/**
 * The assembled core with its test line, for tests that drive it directly (no listener needed:
 * webhook events go straight into its registry). Graph points where nothing listens, so a request
 * a test does not spy on fails fast.
 */
import { createHmac } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SettingsPatch } from '../../../../src/shared/settings'
import { SettingsStore, resolveConfig } from '../../../../src/main/core/config'
import { memoryLogger } from '../../../../src/main/core/log'
import { createSoftphoneCore, type SoftphoneCore } from '../../../../src/main/core/softphone-core'
import type { TestCallSimulatorFactory } from '../../../../src/main/core/test-line'

export const CORE_ENV = {
  FB_PAGE_ID: 'page-1',
  FB_PAGE_ACCESS_TOKEN: 'EAASettingsEffectsTestToken000000',
  FB_APP_SECRET: 'settings-effects-secret',
  GRAPH_API_URL: 'http://127.0.0.1:9'
}

export interface CoreUnderTest {
  core: SoftphoneCore
  settings: SettingsStore
  /** Stops the core and removes its data folder. */
  close(): Promise<void>
}

export async function startCoreWithTestLine(
  initial: SettingsPatch = {},
  env: Record<string, string> = {}
): Promise<CoreUnderTest> {
  const dataDir = await mkdtemp(join(tmpdir(), 'softphone-core-'))
  const logger = memoryLogger()
  const settings = await SettingsStore.open(dataDir, logger)
  await settings.update(initial)
  const fullEnv = { ...CORE_ENV, ...env }
  const config = resolveConfig({ settings: settings.get(), secrets: {}, env: fullEnv })
  const core = await createSoftphoneCore({
    config,
    dataDir,
    settings,
    env: fullEnv,
    testCallSimulator: fakeTestCallSimulator(),
    logger
  })
  return {
    core,
    settings,
    async close() {
      await core.stop()
      await rm(dataDir, { recursive: true, force: true })
    }
  }
}

/**
 * A stand-in for the built-in simulator behind the test line: `placeCall` delivers a signed connect
 * to the test line's webhook and only then answers with the call id, as the real one does (so the
 * call rings before that). Each call gets the next id: test-call-1, test-call-2...
 */
export function fakeTestCallSimulator(): TestCallSimulatorFactory {
  let placed = 0
  return async () => {
    const credentials = {
      pageId: 'test-page',
      pageAccessToken: 'test-token',
      appId: 'test-app',
      appSecret: 'test-secret'
    }
    return {
      // Nothing listens there: a Graph request for a test call fails fast.
      graphUrl: 'http://127.0.0.1:9',
      graphVersion: 'v26.0',
      credentials,
      async placeCall(webhookUrl, ringing) {
        const callId = `test-call-${++placed}`
        ringing?.(callId)
        const now = Math.floor(Date.now() / 1000)
        const body = JSON.stringify({
          object: 'page',
          entry: [
            {
              id: 'test-page',
              time: now,
              calls: [
                {
                  id: callId,
                  to: 'test-page',
                  from: 'test-caller',
                  event: 'connect',
                  timestamp: now,
                  call_direction: 'user_initiated'
                }
              ]
            }
          ]
        })
        const signature = createHmac('sha256', credentials.appSecret).update(body).digest('hex')
        const response = await fetch(webhookUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-hub-signature-256': `sha256=${signature}`
          },
          body
        })
        if (response.status !== 200) throw new Error(`webhook answered ${response.status}`)
        return { callId }
      },
      close: async () => undefined
    }
  }
}
