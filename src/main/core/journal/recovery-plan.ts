/**
 * What a restart does with the journal a previous run left: for each call history lacks, either
 * the ending to record, or the connect to hand to the registry again (it may still ring for the
 * rest of its window, or ring out as missed). The rules, for a call not in history:
 *
 * | the journal holds                         | recorded as                                  |
 * | ----------------------------------------- | -------------------------------------------- |
 * | our ending (`e`)                          | that ending                                  |
 * | a terminate                               | the terminate applied to the last state seen |
 * |                                           | (connected -> completed, else missed)        |
 * | our `connected`, no end, died < 1 h ago   | (restored live: a desk may still be talking) |
 * | our `connected`, no end, died longer ago  | completed, reason shutdown                   |
 * | our `answering`, no end                   | missed, reason shutdown                      |
 * | an inbound connect only                   | (replayed: the registry decides)             |
 *
 * Restoring (issue 13, item 8): a seat carries its call's media straight to Meta, so a call goes
 * on while its hub restarts; restored, the seat's hang up (queued while the hub was away) and
 * Meta's terminate still find it, and history records it once, as it really ended. A hub back
 * after longer than RESTORE_WITHIN_MS records it ended at the crash as before: a terminate Meta
 * sent meanwhile may never come, and a call listed as talking for good would mislead every desk.
 */
import type { Call, ConnectedCall, HistoryRecord } from '../../../shared/calls'
import { toHistoryRecord } from '../../../shared/calls'
import { DeliveryEnvelope, unpackDelivery } from '../../../shared/webhook'
import type { CallEvent, ConnectEvent, TerminateEvent, WebhookEvent } from '../../../shared/webhook'
import {
  endingOnShutdown,
  endingOnTerminate,
  HUNG_UP_BEFORE_CONNECT,
  type LiveCall
} from '../calls/outcomes'
import { connectParties, endedFrom, takenBy, toEnded } from '../calls/snapshots'
import { secondsToMs, terminateCore } from '../calls/webhook-events'
import type { JournalRecord, LiveSnapshot } from './records'

export type CallWebhookEvent = Extract<WebhookEvent, { kind: 'call' }>

export interface Replay {
  item: CallWebhookEvent
  receivedAt: number
}

/** How soon after the crash a restart still restores the calls that were connected. */
export const RESTORE_WITHIN_MS = 60 * 60_000

export interface RecoveryPlan {
  /** Endings to write to history, oldest first. */
  endings: HistoryRecord[]
  /** Connects to hand to the registry again, in arrival order. */
  replay: Replay[]
  /** Calls connected when the previous run died, to be live again. */
  restore: ConnectedCall[]
}

interface Story {
  connect?: Replay & { event: ConnectEvent }
  terminate?: Replay & { event: TerminateEvent; pageId: string | undefined }
  live?: LiveSnapshot
  ended?: HistoryRecord
}

export function planRecovery(
  records: readonly JournalRecord[],
  recorded: (callId: string) => boolean,
  now: number
): RecoveryPlan {
  const stories = new Map<string, Story>()
  const story = (id: string): Story => {
    let found = stories.get(id)
    if (!found) stories.set(id, (found = {}))
    return found
  }
  // Roughly when the previous run died: the last thing it wrote.
  let lastAt = 0
  for (const record of records) {
    lastAt = Math.max(lastAt, record.at)
    if (record.k === 's') story(record.call.id).live = record.call
    else if (record.k === 'e') story(record.record.callId).ended = record.record
    else {
      for (const item of callEventsIn(record.body)) {
        const event: CallEvent = item.event
        if (event.event === 'connect') {
          story(event.id).connect ??= { item, receivedAt: record.at, event }
        } else if (event.event === 'terminate') {
          story(event.id).terminate ??= {
            item,
            receivedAt: record.at,
            event,
            pageId: item.pageId
          }
        }
      }
    }
  }

  const plan: RecoveryPlan = { endings: [], replay: [], restore: [] }
  const restoring = now - lastAt <= RESTORE_WITHIN_MS
  for (const [id, told] of stories) {
    if (recorded(id)) continue
    const talking = restoring && !told.ended && !told.terminate ? lastState(told) : undefined
    if (talking?.state === 'connected') {
      plan.restore.push(talking)
      continue
    }
    const ending = endingOf(told, lastAt)
    if (ending) plan.endings.push(ending)
    else if (told.connect && told.connect.event.call_direction !== 'business_initiated') {
      plan.replay.push({ item: told.connect.item, receivedAt: told.connect.receivedAt })
    }
  }
  plan.endings.sort((a, b) => a.endedAt - b.endedAt)
  plan.replay.sort((a, b) => a.receivedAt - b.receivedAt)
  return plan
}

function endingOf(told: Story, lastAt: number): HistoryRecord | undefined {
  if (told.ended) return told.ended
  const last = lastState(told)
  if (told.terminate) {
    const { event, pageId, receivedAt } = told.terminate
    const ended = last
      ? toEnded(last, endingOnTerminate(last, event.status, false), receivedAt)
      : endedFrom(terminateCore(event, pageId), HUNG_UP_BEFORE_CONNECT, receivedAt)
    return toHistoryRecord(ended)
  }
  if (last && last.state !== 'ringing') {
    return toHistoryRecord(toEnded(last, endingOnShutdown(last, 'shutdown'), lastAt))
  }
  return undefined
}

/** The call as it last stood before the process died, when anything says so. */
function lastState(told: Story): LiveCall | undefined {
  const core = (snapshot: LiveSnapshot): Omit<Call, 'state'> => ({
    id: snapshot.id,
    pageId: snapshot.pageId,
    direction: snapshot.direction,
    caller: { psid: snapshot.psid },
    startedAt: snapshot.startedAt
  })
  const live = told.live
  if (live?.state === 'connected') {
    return {
      ...core(live),
      state: 'connected',
      ...takenBy(live),
      connectedAt: live.connectedAt ?? live.startedAt
    }
  }
  if (live) return { ...core(live), state: 'answering', ...takenBy(live) }
  const connect = told.connect
  if (!connect) return undefined
  const parties = connectParties(connect.event)
  const startedAt = secondsToMs(connect.event.timestamp)
  return {
    id: connect.event.id,
    pageId: parties.pageId,
    direction: parties.direction,
    caller: { psid: parties.psid },
    startedAt,
    state: 'ringing',
    ringDeadline: startedAt
  }
}

function callEventsIn(body: string): CallWebhookEvent[] {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return []
  }
  const envelope = DeliveryEnvelope.safeParse(json)
  if (!envelope.success) return []
  return unpackDelivery(envelope.data).events.filter(
    (event): event is CallWebhookEvent => event.kind === 'call'
  )
}
