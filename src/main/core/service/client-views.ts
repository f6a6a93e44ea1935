/**
 * What each client sees of the hub: the hub's own windows see everything; a seat (another desk)
 * sees the calls and what ringing needs, not the Page's details or the hub's files. And a test call
 * belongs to the desk that started it: only that desk is told of it, so only that desk rings.
 */
import type { CoreStatus, EventMessage } from '../../../shared/api'
import { tasksSeenBy } from '../../../shared/call-back-tasks'
import { assertNever, type Call } from '../../../shared/calls'
import type { Settings } from '../../../shared/settings'
import { deskName } from '../webhook-owner'
import type { ClientHandle } from './softphone-service'

type Viewer = Pick<ClientHandle, 'id' | 'role' | 'deskName'>

/** The hub's own windows (main window, toast, tray, browser mode) are one desk: the owner's. */
export const OWNER_DESK = 'owner'

export function isOwner(client: Viewer): boolean {
  return client.role === undefined || client.role === 'owner'
}

/**
 * Which desk a client belongs to, as a key: every owner client shares one; a seat's is its desk
 * name (unique among a hub's seats), or its own id when it has none.
 */
export function deskKey(client: Viewer): string {
  return isOwner(client) ? OWNER_DESK : `seat:${client.deskName ?? client.id}`
}

/** The desk key of the seat paired under this name: what its clients' `deskKey` is. */
export function seatDeskKey(name: string): string {
  return deskKey({ id: name, role: 'seat', deskName: name })
}

/**
 * Whether a client's desk took a call: the very client, or the same seat. A seat is one client
 * per connection of its link, so after its link (or the hub) restarted mid-call, the seat desk
 * that took the call asks under a new id; its name is unique among the hub's desks.
 */
export function tookCall(call: Call, client: Viewer): boolean {
  if (call.state === 'ringing') return false
  if (call.answeredBy === client.id) return true
  return (
    client.role === 'seat' &&
    client.deskName !== undefined &&
    call.answeredByDesk === client.deskName
  )
}

/** The name other desks and history show for the desk a client belongs to. */
export function deskNameOf(client: Viewer, settings: Settings): string | undefined {
  return client.deskName ?? (isOwner(client) ? deskName(settings) : undefined)
}

/**
 * Whether calls ring on a client's desk: the hub's own windows follow its "Ring on this desk"; a
 * seat rings unless the owner left its desk out of the ringing desks (`seats.silent`).
 */
export function ringsOnDeskOf(client: Viewer, settings: Settings): boolean {
  if (isOwner(client)) return settings.desk.ringHere
  return client.deskName === undefined || !settings.seats.silent.includes(client.deskName)
}

/**
 * A call as one client is shown it: on a desk that does not ring, a ringing call comes silenced
 * (listed, answerable, but no ringtone or toast there); the call itself rings on for the others.
 */
export function callFor(call: Call, client: Viewer, settings: Settings): Call {
  if (call.state !== 'ringing' || call.silenced === true) return call
  return ringsOnDeskOf(client, settings) ? call : { ...call, silenced: true }
}

/**
 * The calls to tell every client again after a settings change: the ringing ones, when which
 * desks ring changed (a desk let ring, or silenced, then sees them as it now should).
 */
export function ringingToRetell(before: Settings, after: Settings, calls: Call[]): Call[] {
  const changed =
    before.desk.ringHere !== after.desk.ringHere ||
    before.seats.silent.join('\n') !== after.seats.silent.join('\n')
  return changed ? calls.filter((call) => call.state === 'ringing') : []
}

/** Real calls ring everywhere; a test call only on the desk that started it. */
export function visibleTo(call: Call, client: Viewer): boolean {
  return call.testDesk === undefined || call.testDesk === deskKey(client)
}

/**
 * A seat's view of the status: whether calls can reach the hub (Page set up, tunnel, registration,
 * token health), without the Page's id, the hub's local listener, its environment, its data-file
 * notices or the other desks that hold the webhook (taking it over is the owner's).
 */
export function statusFor(status: CoreStatus, client: Viewer): CoreStatus {
  if (isOwner(client)) return status
  return {
    page: { configured: status.page.configured },
    webhookUrl: null,
    publicUrl: status.publicUrl,
    tunnel: status.tunnel,
    registration: status.registration,
    ...(status.pageHealth !== undefined ? { pageHealth: status.pageHealth } : {}),
    // The hours are public (the Page publishes them); every desk says when calls ring again.
    ...(status.hours !== undefined ? { hours: status.hours } : {})
  }
}

/**
 * What one client is told of an event; undefined when the event is not for it. Every event is
 * decided here (the switch is exhaustive), so a new event cannot reach seats by default.
 */
export function eventFor(
  message: EventMessage,
  client: Viewer,
  callOf: (callId: string) => Call | undefined,
  settings: Settings,
  /** The unseen missed calls of a desk (by desk key): each desk keeps its own "seen". */
  unseenOf: (desk: string) => number
): EventMessage | undefined {
  switch (message.event) {
    case 'callUpdated': {
      const call = message.payload
      if (!visibleTo(call, client)) return undefined
      const shown = callFor(call, client, settings)
      return shown === call ? message : { event: 'callUpdated', payload: shown }
    }
    case 'mediaOffer': {
      const call = callOf(message.payload.callId)
      return call === undefined || visibleTo(call, client) ? message : undefined
    }
    case 'status':
      return isOwner(client)
        ? message
        : { event: 'status', payload: statusFor(message.payload, client) }
    case 'settings':
      // Seats read no hub settings (see command-policy.ts: getSettings).
      return isOwner(client) ? message : undefined
    case 'desks':
      // Nor the hub's desks (command-policy.ts: listDesks).
      return isOwner(client) ? message : undefined
    case 'missedCalls':
      // Told with the hub's own count; a seat's badge follows its own desk's marks.
      return isOwner(client)
        ? message
        : { event: 'missedCalls', payload: { unseen: unseenOf(deskKey(client)) } }
    case 'callBackTasks':
      // One list for every desk; each sees which claims are its own desk's.
      return { event: 'callBackTasks', payload: tasksSeenBy(message.payload, deskKey(client)) }
    case 'historyAdded':
    case 'callPermission':
      return message
    default:
      return assertNever(message)
  }
}
