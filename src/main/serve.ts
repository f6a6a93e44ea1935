/**
 * The headless core (`npm run serve`): the webhook listener, call registry, Graph client and call
 * history without Electron, plus the loopback UI bridge (and, with `--web`, the built renderer
 * beside it: browser mode). It logs call events and stops cleanly on SIGINT/SIGTERM. The second
 * composition root beside src/main/index.ts; both start the core with core/start-core.
 * With SOFTPHONE_HUB set it starts as a seat of that hub instead (serve-seat.ts).
 */
import { ConfigError, readEnv, type EnvOverrides } from './core/config'
import { createLogger, stderrSink, type Logger } from './core/log'
import type { ClientHandle } from './core/service/softphone-service'
import { CoreStartError, startCore, type UiBridgeOptions } from './core/start-core'
import { startHeadlessSeat } from './serve-seat'
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
  const ui = { port: env.uiPort, token: env.uiToken, staticDir: web ? RENDERER_DIR : undefined }
  const started = env.hubUrl
    ? await startSeat(logger, { ...env, hubUrl: env.hubUrl }, ui)
    : await startHub(logger, env, ui)

  // The one line a script or a person needs: alone, plain, on stdout (logs go to stderr).
  if (started.pageUrl) process.stdout.write(`${started.pageUrl}\n`)

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

interface Running {
  pageUrl: string | undefined
  dispose(): Promise<boolean>
}

/** The log is one more client of the service API, like any UI. */
function logCalls(service: { attach(client: ClientHandle): () => void }, logger: Logger): void {
  const calls = logger.child('calls')
  service.attach({
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
}

async function startHub(logger: Logger, env: EnvOverrides, ui: UiBridgeOptions): Promise<Running> {
  // TUNNEL=localtunnel opens a tunnel, PUBLIC_URL uses the owner's own; either way Meta is told.
  // Settings can change it later (the same live tunnel as the desktop app's).
  const started = await startCore({
    env: process.env,
    logger,
    core: { testCallSimulator: createTestCallSimulator },
    tunnel: true,
    ui
  })
  const { core, config } = started
  logCalls(core.service, logger)
  logger.info('headless core running', {
    webhook: started.webhookUrl,
    page: config.page.configured
      ? config.page.pageId
      : `not configured (missing ${config.page.missing.join(', ')})`,
    graph: `${config.graph.apiUrl}/${config.graph.apiVersion}`,
    bridgePort: started.ui.info.port
  })
  return { pageUrl: started.ui.info.pageUrl, dispose: () => started.dispose() }
}

async function startSeat(
  logger: Logger,
  env: EnvOverrides & { hubUrl: string },
  ui: UiBridgeOptions
): Promise<Running> {
  const started = await startHeadlessSeat({ env: process.env, overrides: env, logger, ui })
  logCalls(started.service, logger)
  logger.info('headless seat running', {
    hub: started.hub.hubName,
    link: started.hub.status().state,
    bridgePort: started.ui?.info.port
  })
  return { pageUrl: started.ui?.info.pageUrl, dispose: () => started.dispose() }
}

main().catch((error: unknown) => {
  const reason = error instanceof CoreStartError ? error.cause : error
  // The message is the whole explanation (a ConfigError names the variable): no stack trace.
  process.stderr.write(`Cannot start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(reason instanceof ConfigError ? 2 : 1)
})
