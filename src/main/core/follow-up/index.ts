/**
 * The follow-up, assembled (issue 16 items 2 and 4): detection announces each missed call once on
 * the port (./missed-calls), the reply answers it, and the service gets the call button command.
 * The To call back list subscribes to the same port (`onMissedCall`, `onReplyOutcome`).
 */
import type { HistoryRecord } from '../../../shared/calls'
import type { Settings } from '../../../shared/settings'
import type { GraphClient } from '../graph'
import type { Logger } from '../log'
import type { FollowUpServicePort } from '../service/follow-up-commands'
import { TypedEmitter } from '../shared/typed-emitter'
import { deskName } from '../webhook-owner'
import { detectMissedCalls, type DetectionRegistry } from './missed-call-detection'
import { MissedCalls, type FollowUpPort } from './missed-calls'
import { MissedReply, type MissedReplyDeps } from './missed-reply'
import { openMissedReplyState } from './missed-reply-state'

export { MissedCalls, type FollowUpPort } from './missed-calls'

export interface FollowUp extends FollowUpPort, FollowUpServicePort {
  /** Starts detecting: after the service, so a call's history line is queued before its reply's. */
  start(): void
  dispose(): void
}

export interface FollowUpDeps extends Pick<MissedReplyDeps, 'permission' | 'names'> {
  dataDir: string
  registry: DetectionRegistry
  settings: { get(): Settings }
  graph: Pick<GraphClient, 'messages'>
  history: MissedReplyDeps['history']
  pageId: () => string | undefined
  /** The names of the seats connected now; undefined while the seat link is off. */
  onlineSeats: () => readonly string[] | undefined
  now?: (() => number) | undefined
  logger: Logger
}

/** The desks a call would ring on now: the hub's own when it rings here, and each seat not left out. */
export function ringingDeskNames(settings: Settings, onlineSeats: readonly string[]): string[] {
  const silent = new Set(settings.seats.silent.map((name) => name.toLowerCase()))
  const seats = onlineSeats.filter((name) => !silent.has(name.toLowerCase()))
  return settings.desk.ringHere ? [deskName(settings), ...seats] : seats
}

export async function openFollowUp(deps: FollowUpDeps): Promise<FollowUp> {
  const state = await openMissedReplyState(deps.dataDir, { now: deps.now, logger: deps.logger })
  const port = new MissedCalls({
    announcedBefore: (callId) => state.wasAnnounced(callId),
    logger: deps.logger
  })
  const changes = new TypedEmitter<{ record: HistoryRecord }>()
  const reply = new MissedReply({
    ...deps,
    state,
    messages: deps.graph.messages,
    historyChanged: (record) => changes.emit('record', record),
    port
  })
  const offMissed = port.onMissedCall((missed) => reply.handle(missed))
  let stopDetecting: (() => void) | undefined

  return {
    onMissedCall: (listener) => port.onMissedCall(listener),
    onReplyOutcome: (listener) => port.onReplyOutcome(listener),
    sendCallButton: (psid) => reply.sendCallButton(psid),
    onHistoryChanged: (listener) => changes.on('record', listener),
    start() {
      stopDetecting ??= detectMissedCalls({
        registry: deps.registry,
        settings: deps.settings,
        ringingDesks: () => ringingDeskNames(deps.settings.get(), deps.onlineSeats() ?? []),
        pageId: deps.pageId,
        port
      })
    },
    dispose() {
      stopDetecting?.()
      offMissed()
      changes.clear()
      port.dispose()
    }
  }
}
