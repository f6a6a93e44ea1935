/**
 * The hub is stopping (a quit the person agreed to, or SIGTERM on a headless hub): every call a
 * desk took is ended with Meta, then every live call is recorded as ended by the shutdown. A
 * seat's audio goes straight to Meta, so without a terminate its call would go on with no hub to
 * relay it or record how it ended. Graph gets a few seconds; a call it does not confirm in time is
 * recorded all the same.
 */
import type { EndedCall } from '../../../shared/calls'
import type { Logger } from '../log'
import type { CallRegistry } from './registry'

/** Long enough for a Graph round trip, short enough for a service manager's stop timeout. */
export const END_ON_STOP_MS = 3_000

export async function endCallsOnStop(
  registry: Pick<CallRegistry, 'list' | 'endAllLive'>,
  terminate: (callId: string) => Promise<void>,
  log: Logger,
  waitMs = END_ON_STOP_MS
): Promise<EndedCall[]> {
  // Ringing calls have no audio to stop; a test call's other end is the built-in simulator.
  const taken = registry
    .list()
    .filter((call) => (call.state === 'answering' || call.state === 'connected') && !call.test)
  const terminated = Promise.all(
    taken.map((call) =>
      terminate(call.id).catch((error: unknown) =>
        log.warn('terminate on stop was not confirmed by Graph', {
          callId: call.id,
          error: String(error)
        })
      )
    )
  )
  let timer: NodeJS.Timeout | undefined
  // Timer "terminate on stop grace" (once, on stop): Meta that does not answer cannot hold the quit.
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))
  await Promise.race([terminated, late]).finally(() => clearTimeout(timer))
  return registry.endAllLive('shutdown')
}
