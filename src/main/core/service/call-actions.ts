/**
 * What a UI does to a call (answer, decline, hang up, report failed media): the registry moves
 * first, so every desk sees it at once, then Graph is told, for a real call or the test line.
 */
import type { AcceptResult } from '../../../shared/api'
import type { Logger } from '../log'
import { toServiceError } from './errors'
import type { CallControl, RegistryPort } from './ports'
import type { Call } from '../../../shared/calls'

export interface CallActionsDeps {
  registry: RegistryPort
  /** The Graph calls for a given call; test calls go to the built-in simulator, real ones to Meta. */
  callControl: (call: Call) => CallControl
  logger: Logger
}

/** Graph never said yes or no (timed out, network down, server error). */
function outcomeUnknown(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { kind?: unknown }).kind === 'unavailable'
  )
}

export class CallActions {
  private readonly log: Logger

  constructor(private readonly deps: CallActionsDeps) {
    this.log = deps.logger
  }

  async accept(
    callId: string,
    sdp: string,
    clientId: string,
    deskName?: string
  ): Promise<AcceptResult> {
    const call = this.wrap(() => this.deps.registry.beginAnswer(callId, clientId, deskName))
    try {
      const result = await this.deps.callControl(call).accept(callId, sdp)
      this.wrap(() => this.deps.registry.markConnected(callId))
      return result
    } catch (error) {
      const failure = toServiceError(error)
      this.log.warn('accept failed', { callId, error: failure.message })
      this.endIfLive(callId, () =>
        this.deps.registry.answerFailed(callId, failure.words ?? failure.message)
      )
      // No answer from Graph (timeout, network, 5xx) does not mean Meta refused: it may have
      // accepted, leaving the customer in a silent call. A terminate settles it either way.
      if (outcomeUnknown(error)) {
        void this.deps
          .callControl(call)
          .terminate(callId)
          .catch(() => undefined)
      }
      throw failure
    }
  }

  async decline(callId: string): Promise<void> {
    // Every desk stops ringing at once; Graph is told after, and a failure there changes nothing
    // the user can act on (the call ends on Meta's side by itself).
    const call = this.wrap(() => this.deps.registry.decline(callId))
    try {
      await this.deps.callControl(call).reject(callId)
    } catch (error) {
      this.log.warn('reject was not confirmed by Graph', {
        callId,
        error: toServiceError(error).message
      })
    }
  }

  async hangUp(callId: string): Promise<void> {
    const call = this.wrap(() => this.deps.registry.hangUp(callId))
    try {
      await this.deps.callControl(call).terminate(callId)
    } catch (error) {
      const failure = toServiceError(error)
      this.log.warn('terminate was not confirmed by Graph', { callId, error: failure.message })
      throw failure
    } finally {
      // The UI has already closed its media; waiting for Meta's terminate webhook (which a dropped
      // tunnel may never deliver) would leave a call on screen that nobody can hear.
      this.endIfLive(callId, () => this.deps.registry.markEnded(callId))
    }
  }

  async mediaFailed(callId: string, reason: string): Promise<void> {
    const call = this.wrap(() => this.deps.registry.mediaFailed(callId, reason))
    try {
      await this.deps.callControl(call).terminate(callId)
    } catch (error) {
      this.log.debug('terminate after media failure not confirmed', {
        callId,
        error: toServiceError(error).message
      })
    }
  }

  private endIfLive(callId: string, end: () => unknown): void {
    const call = this.deps.registry.get(callId)
    if (call && call.state !== 'ended') {
      try {
        end()
      } catch (error) {
        this.log.debug('call had already moved on', { callId, error: String(error) })
      }
    }
  }

  /** Registry refusals (unknown call, already answered elsewhere) become service errors. */
  private wrap<T>(action: () => T): T {
    try {
      return action()
    } catch (error) {
      throw toServiceError(error)
    }
  }
}
