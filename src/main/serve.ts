/**
 * The headless core (`npm run serve`): the webhook listener, call registry, Graph client and call
 * history without Electron, plus the loopback UI bridge (and, with `--web`, the built renderer
 * beside it: browser mode). It logs call events and stops cleanly on SIGINT/SIGTERM. The second
 * composition root beside src/main/index.ts; both start the core with core/start-core.
 */
import { ConfigError, readEnv } from './core/config'
import { createLogger, stderrSink } from './core/log'
import { CoreStartError, startCore } from './core/start-core'
import { createTestCallSimulator } from './simulator/test-call'
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
  const env = readEnv(process.env)
  // TUNNEL=localtunnel opens a tunnel, PUBLIC_URL uses the owner's own; either way Meta is told.
  // Settings can change it later (the same live tunnel as the desktop app's).
  const started = await startCore({
    env: process.env,
    logger,
    core: { testCallSimulator: createTestCallSimulator },
    tunnel: true,
    ui: { port: env.uiPort, token: env.uiToken, staticDir: web ? RENDERER_DIR : undefined }
  })
  const { core, config, ui } = started

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
    webhook: started.webhookUrl,
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
    void started.dispose().then((clean) => {
      if (!clean) logger.error('did not stop cleanly')
      process.exit(clean ? 0 : 1)
    })
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  const reason = error instanceof CoreStartError ? error.cause : error
  // The message is the whole explanation (a ConfigError names the variable): no stack trace.
  process.stderr.write(`Cannot start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(reason instanceof ConfigError ? 2 : 1)
})
