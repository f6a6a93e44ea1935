/**
 * The webhook's way in, made durable and replay-proof. The server appends each verified delivery
 * to the journal (fsynced) before its 200; this module then lets through only what may change
 * something, notes our own transitions of each call in the journal, and at start applies what a
 * previous run acknowledged but never got into history (see recovery-plan).
 *
 * Replays: the tunnel's operator sees Meta's signed deliveries and can send them again. A delivery
 * older than the replay window is refused, and an event for a call whose outcome is recorded (in
 * history, or in the seen-calls file) is dropped once the registry has forgotten the call, so it
 * never rings again nor changes how the call ended. While the registry still holds the call (a
 * tombstone), its own duplicate handling applies.
 */
import type { Call, EndedCall } from '../../../shared/calls'
import { toHistoryRecord } from '../../../shared/calls'
import type { CallEvent, WebhookEvent } from '../../../shared/webhook'
import type { CallRegistry } from '../calls'
import type { HistoryStore } from '../history'
import { toStored } from '../history/record'
import type { Logger } from '../log'
import type { DeliveryMeta, WebhookJournal } from '../webhook/server'
import { DeliveryJournal } from './delivery-journal'
import { planRecovery, type CallWebhookEvent } from './recovery-plan'
import { REPLAY_WINDOW_MS, SeenCalls } from './seen-calls'

export interface IntakeDeps {
  dataDir: string
  registry: Pick<CallRegistry, 'get' | 'on' | 'restore'>
  history: Pick<HistoryStore, 'get' | 'upsertMany'>
  /** What admitted events do (the Page filter, the call-back dialer, the registry). */
  deliver: (events: WebhookEvent[], receivedAt: number) => void
  logger: Logger
  now?: (() => number) | undefined
}

export interface DurableIntake {
  /** The server's `journal` option: deliveries are kept before they are acknowledged. */
  readonly journal: WebhookJournal
  /** The server's `onEvents`. */
  onEvents(events: WebhookEvent[], meta: DeliveryMeta): void
  /** Applies what the journal holds and history lacks, then compacts the journal. */
  recover(): Promise<void>
  /** History has durably written this call's record: the journal may let its lines go. */
  historyWritten(callId: string): void
  close(): Promise<void>
}

export async function openDurableIntake(deps: IntakeDeps): Promise<DurableIntake> {
  const log = deps.logger.child('journal')
  const now = deps.now ?? Date.now
  const { registry, history } = deps
  /** Ended calls whose history write has not completed: their lines stay in the journal. */
  const unwritten = new Set<string>()
  /** The last state noted per live call, so a re-published snapshot is not noted twice. */
  const noted = new Map<string, Call['state']>()
  const isLive = (callId: string): boolean => {
    const call = registry.get(callId)
    return call !== undefined && call.state !== 'ended'
  }
  const seen = await SeenCalls.open(deps.dataDir, log, now())
  const { journal, records } = await DeliveryJournal.open(
    deps.dataDir,
    (callId) => unwritten.has(callId) || isLive(callId),
    log
  )
  const recorded = (callId: string): boolean =>
    seen.has(callId) || history.get(callId) !== undefined

  /** Until the journal has been applied, its lines are all still needed. */
  let applied = false
  const unsubscribe = [
    registry.on('call', (call) => {
      if (call.state !== 'answering' && call.state !== 'connected') return
      if (noted.get(call.id) === call.state) return
      noted.set(call.id, call.state)
      journal.noteTransition(call, now())
    }),
    registry.on('ended', (call: EndedCall) => {
      noted.delete(call.id)
      unwritten.add(call.id)
      journal.noteEnded(toHistoryRecord(call), now())
      seen.add(call.id, now())
    })
  ]

  const admit = (item: CallWebhookEvent): boolean => {
    const seconds = item.time ?? eventSeconds(item.event)
    if (seconds !== undefined && now() - seconds * 1000 > REPLAY_WINDOW_MS) {
      // Debug only: a flood of replays must not flood the log.
      log.debug('ignored a delivery older than the replay window', { callId: item.event.id })
      return false
    }
    const callId = item.event.id
    if (callId === undefined || registry.get(callId) !== undefined) return true
    if (!recorded(callId)) return true
    log.debug('ignored a replayed event of a recorded call', { callId, event: item.event.event })
    return false
  }

  const onEvents = (events: WebhookEvent[], meta: DeliveryMeta): void => {
    const admitted = events.filter((item) => item.kind !== 'call' || admit(item))
    try {
      if (admitted.length > 0) deps.deliver(admitted, meta.receivedAt)
    } finally {
      if (meta.seq !== undefined) journal.processedUpTo(meta.seq)
    }
  }

  return {
    journal: { append: (raw, envelope, at) => journal.appendDelivery(raw, envelope, at) },
    onEvents,
    async recover() {
      // Only history counts here: a call may be in seen-calls (its outcome decided) and still
      // lack its history line when the process died between the two.
      const plan = planRecovery(records, (callId) => history.get(callId) !== undefined, now())
      // One record history refuses must not hold back the others, at this start or the next.
      const endings = plan.endings.filter((record) => {
        try {
          toStored(record)
          return true
        } catch (error) {
          log.warn('skipped a call from the journal', {
            callId: record.callId,
            error: String(error)
          })
          return false
        }
      })
      try {
        await history.upsertMany(endings)
        for (const record of endings) seen.add(record.callId, now())
      } catch (error) {
        // The journal keeps them (it is not compacted in this run): the next start tries again.
        log.error('could not record the calls the journal held', { error: String(error) })
        return
      }
      for (const call of plan.restore) registry.restore(call)
      for (const { item, receivedAt } of plan.replay) onEvents([item], { receivedAt })
      if (plan.endings.length + plan.replay.length + plan.restore.length > 0) {
        log.info('applied what the journal held and history lacked', {
          recorded: endings.length,
          replayed: plan.replay.length,
          restored: plan.restore.length
        })
      }
      records.length = 0
      applied = true
      await journal.compact()
    },
    historyWritten: (callId) => void unwritten.delete(callId),
    async close() {
      for (const stop of unsubscribe) stop()
      if (applied) await journal.compact()
      await Promise.all([journal.close(), seen.close()])
    }
  }
}

/** The event's own time (Unix seconds), for deliveries whose entry has none. */
function eventSeconds(event: CallEvent): number | undefined {
  return 'timestamp' in event ? event.timestamp : undefined
}
