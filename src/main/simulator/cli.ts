/**
 * `npm run sim`: runs Messenger call scenarios. The simulator plays Meta (the Graph API and signed
 * webhooks) and the caller (real WebRTC audio), and plays the business through the core's own
 * service API over its WebSocket bridge, as a UI would.
 *
 * Self-contained demo, nothing to set up (a core runs in this process, in a temporary folder):
 *
 *   npm run sim -- all --with-core
 *   npm run sim -- caller-hangs-up two-calls --with-core
 *   npm run sim -- --list
 *
 * Against a core started on its own, in two terminals with the same environment. GRAPH_API_URL
 * points the core at the simulator, which listens on that port:
 *
 *   export FB_PAGE_ID=106378625516323 FB_PAGE_ACCESS_TOKEN=EAAsimulated FB_APP_ID=987654321012345 \
 *     FB_APP_SECRET=simulated-secret GRAPH_API_URL=http://127.0.0.1:47810 \
 *     SOFTPHONE_DATA_DIR=/tmp/softphone-sim SOFTPHONE_RING_TIMEOUT_S=10
 *   npm run serve                      # terminal 1
 *   npm run sim -- all                 # terminal 2
 *
 * The simulator finds the core's bridge (port and token) in $SOFTPHONE_DATA_DIR/bridge.json and
 * the webhook URL from the core's status. Each check prints on its own line (PASS/FAIL, with what
 * was measured), then "N passed, N failed". Exit 0: all passed; 1: a check failed; 2: the command
 * line or setup is wrong. SOFTPHONE_LOG_LEVEL=debug shows the logs of every part on stderr.
 */
import { runCli } from './cli/run'

runCli(process.argv.slice(2), {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`)
}).then(
  (code) => {
    process.exitCode = code
    // werift can leave timers behind after close; the report is out, so do not wait for them.
    setTimeout(() => process.exit(code), 200).unref()
  },
  (error: unknown) => {
    process.stderr.write(
      `The simulator stopped on an unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
    )
    process.exit(1)
  }
)
