/**
 * The headless core (`npm run serve`): the webhook listener, call registry, Graph client and call
 * history without Electron, plus the loopback UI bridge (and, with `--web`, the built renderer
 * beside it: browser mode). It logs call events and stops cleanly on SIGINT/SIGTERM. The second
 * composition root beside src/main/index.ts; both start the desk runtime (core/desk), which
 * starts the desk in its stored role: the hub, or a seat of the hub it joined. With SOFTPHONE_HUB
 * set it starts as a seat of that hub (serve-seat.ts).
 */
import { ConfigError, readEnv } from './core/config'
import { startDeskRuntime, type DeskRole, type DeskRuntime } from './core/desk/desk-runtime'
import { createLogger, stderrSink, type Logger } from './core/log'
import type { ClientHandle } from './core/service/softphone-service'
import { CoreStartError } from './core/start-core'
import { headlessHubOf } from './serve-seat'
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
  // Settings can change it later (the same live tunnel as the desktop app's). A seat has neither.
  const runtime = await startDeskRuntime({
    hub: {
      env: process.env,
      logger,
      core: { testCallSimulator: createTestCallSimulator },
      tunnel: true
    },
    ui: { port: env.uiPort, token: env.uiToken, staticDir: web ? RENDERER_DIR : undefined },
    headlessHub: headlessHubOf(env)
  })
  // The log is one more client of the service API, like any UI; it follows every role.
  logCalls(runtime.service, logger)
  logRole(runtime.current(), runtime, logger)
  runtime.onRoleChange((role) => logRole(role, runtime, logger))

  // The one line a script or a person needs: alone, plain, on stdout (logs go to stderr).
  const pageUrl = runtime.ui?.info.pageUrl
  if (pageUrl) process.stdout.write(`${pageUrl}\n`)

  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    logger.info('stopping', { signal })
    void runtime.dispose().then((clean) => {
      if (!clean) logger.error('did not stop cleanly')
      process.exit(clean ? 0 : 1)
    })
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

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

function logRole(role: DeskRole, runtime: DeskRuntime, logger: Logger): void {
  const bridgePort = runtime.ui?.info.port
  if (role.role === 'seat') {
    const { hub } = role.started
    logger.info('headless seat running', { hub: hub.hubName, link: hub.status().state, bridgePort })
    return
  }
  const { started } = role
  const { page, graph } = started.config
  logger.info('headless core running', {
    webhook: started.webhookUrl,
    page: page.configured ? page.pageId : `not configured (missing ${page.missing.join(', ')})`,
    graph: `${graph.apiUrl}/${graph.apiVersion}`,
    bridgePort
  })
}

main().catch((error: unknown) => {
  const reason = error instanceof CoreStartError ? error.cause : error
  // The message is the whole explanation (a ConfigError names the variable): no stack trace.
  process.stderr.write(`Cannot start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(reason instanceof ConfigError ? 2 : 1)
})
