/**
 * The headless core (`npm run serve`): the webhook listener, call registry, Graph client and call
 * history without Electron, plus the loopback UI bridge. It logs call events and stops cleanly on
 * SIGINT/SIGTERM. The second composition root beside src/main/index.ts.
 */
import { ConfigError, loadHeadlessConfig, readEnv } from './core/config'
import { createLogger, stderrSink } from './core/log'
import { createSoftphoneCore } from './core/softphone-core'
import { startUiServer } from './core/bridge/ui-server'
import { createTestCallSimulator } from './simulator/test-call'
import { liveTunnel } from './core/settings-effects/live-tunnel'
import { fileURLToPath } from 'node:url'

/** The built renderer, served in browser mode (`npm run web` builds it first). */
const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url))

async function main(): Promise<void> {
  const web = process.argv.includes('--web')
  const logger = createLogger(
    stderrSink,
    'serve',
    process.env['SOFTPHONE_LOG_LEVEL'] === 'debug' ? 'debug' : 'info'
  )
  const config = await loadHeadlessConfig(process.env, { logger: logger.child('config') })
  const env = readEnv(process.env)
  const core = await createSoftphoneCore({
    config,
    dataDir: config.dataDir,
    settings: config.settingsStore,
    secrets: config.secretStore,
    env: process.env,
    testCallSimulator: createTestCallSimulator,
    logger
  })
  const { webhookUrl } = await core.start()
  const ui = await startUiServer({
    service: core.service,
    port: env.uiPort,
    token: env.uiToken,
    dataDir: config.dataDir,
    staticDir: web ? RENDERER_DIR : undefined,
    logger
  })
  // TUNNEL=localtunnel opens a tunnel, PUBLIC_URL uses the owner's own; either way Meta is told.
  // Settings can change it later (the same live tunnel as the desktop app's).
  const tunnel = liveTunnel(core, config, logger)
  tunnel.start()

  // The log is one more client of the service API, like any UI.
  const calls = logger.child('calls')
  core.service.attach({
    id: 'log',
    send: (message) => {
      if (message.event === 'callUpdated') {
        const call = message.payload
        calls.info(`call ${call.state}`, {
          callId: call.id,
          ...(call.state === 'ended' ? { outcome: call.outcome, reason: call.reason } : {})
        })
      }
    }
  })

  logger.info('headless core running', {
    webhook: webhookUrl,
    page: config.page.configured
      ? config.page.pageId
      : `not configured (missing ${config.page.missing.join(', ')})`,
    graph: `${config.graph.apiUrl}/${config.graph.apiVersion}`,
    bridgePort: ui.info.port
  })

  // The one line a script or a person needs: alone, plain, on stdout (logs go to stderr).
  if (ui.info.pageUrl) process.stdout.write(`${ui.info.pageUrl}\n`)

  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    logger.info('stopping', { signal })
    tunnel.stop()
    void Promise.all([ui.close(), core.stop()]).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('did not stop cleanly', { error: String(error) })
        process.exit(1)
      }
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Cannot start: ${error.message}\n`)
    process.exit(2)
  }
  process.stderr.write(`Cannot start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
