/**
 * What the tray icon says, derived from the calls and the core status (with its tunnel), both from
 * service events: one of four icons and a tooltip sentence. Pure, so each transition is a table test.
 */
import type { CoreStatus } from '../../../shared/api'
import type { Call } from '../../../shared/calls'
import { assertNever, ringsHere } from '../../../shared/calls'
import type { OutsideHoursStatus } from '../../../shared/hours-status'
import { CHECKING_PAGE, hubLinkProblem } from '../../../shared/connection'
import { describeTunnel } from '../../../shared/tunnel'

export const TRAY_STATES = ['idle', 'ringing', 'in-call', 'offline'] as const
export type TrayState = (typeof TRAY_STATES)[number]

export interface TrayView {
  state: TrayState
  tooltip: string
}

/** The tooltip before the service has said where things stand. */
export const STARTING = 'starting'

export interface TrayInput {
  calls: readonly Call[]
  /** Undefined until the service answered (the shell says `hello` once it starts). */
  status: CoreStatus | undefined
  doNotDisturb: boolean
  appName: string
}

/** Windows cuts a tray tooltip at 127 characters (NOTIFYICONDATA.szTip holds 128). */
export const MAX_TOOLTIP = 127

function who(call: Call): string {
  return call.caller.name ?? 'A Messenger user'
}

/** Why no call can ring right now, or undefined when calls can arrive. */
export function offlineReason(status: CoreStatus): string | undefined {
  const { tunnel } = status
  // A seat's calls come through its hub: first the link, then the hub's Page; no webhook here.
  if (status.hub) return hubLinkProblem(status.hub)?.sentence ?? seatPageReason(status)
  if (!status.page.configured) return 'Not set up: open the app to connect your Facebook Page'
  if (!status.webhookUrl) return 'Not listening for calls: the local webhook did not start'
  // Meta's own word on the Page comes before anything about the tunnel (see shared/connection).
  if (status.pageHealth?.state === 'failed') return status.pageHealth.message
  if (status.pageHealth?.state === 'checking') return CHECKING_PAGE
  switch (tunnel.state) {
    case 'error':
    case 'reconnecting':
      return describeTunnel(tunnel)
    case 'up':
      // An http address: Meta will not call it.
      if (tunnel.warning) return tunnel.warning
      break
    case 'off':
    case 'connecting':
      break
    default:
      return assertNever(tunnel)
  }
  if (!status.publicUrl) return 'Calls cannot reach this computer yet: no public webhook address'
  return undefined
}

function seatPageReason(status: CoreStatus): string | undefined {
  if (!status.page.configured) return 'The hub has no Facebook Page connected yet'
  if (status.pageHealth?.state === 'failed') return status.pageHealth.message
  if (status.pageHealth?.state === 'checking') return CHECKING_PAGE
  return undefined
}

/**
 * " (closed until Mon 09:00: calls ring out quietly)", on the hours' own wall clock. In English
 * with the other tray texts until the tray speaks the desk's language.
 */
function outsideHours(hours: OutsideHoursStatus | undefined): string {
  if (!hours) return ''
  const calls = hours.calls === 'quiet' ? 'calls ring out quietly' : 'calls are declined'
  if (hours.opensAt === null) return ` (no opening hours: ${calls})`
  const when = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: hours.timeZone
  }).format(hours.opensAt)
  return ` (closed until ${when}: ${calls})`
}

export function deriveTrayView(input: TrayInput): TrayView {
  // A call silenced by Do not disturb rings nowhere, the tray included.
  const ringing = input.calls.filter(ringsHere)
  const live = input.calls.filter(
    (call) => call.state === 'answering' || call.state === 'connected'
  )
  const quiet = input.doNotDisturb ? ' (do not disturb)' : outsideHours(input.status?.hours)
  let view: TrayView
  const first = ringing[0]
  const current = live[0]
  if (first) {
    const more = ringing.length > 1 ? ` (+${ringing.length - 1} more)` : ''
    view = { state: 'ringing', tooltip: `${who(first)} is calling${more}${quiet}` }
  } else if (current) {
    view = { state: 'in-call', tooltip: `In a call with ${who(current)}` }
  } else {
    const reason = input.status ? offlineReason(input.status) : STARTING
    view = reason
      ? { state: 'offline', tooltip: reason }
      : { state: 'idle', tooltip: `Ready for calls${quiet}` }
  }
  const tooltip = `${input.appName}: ${view.tooltip}`
  return {
    state: view.state,
    tooltip: tooltip.length > MAX_TOOLTIP ? `${tooltip.slice(0, MAX_TOOLTIP - 1)}…` : tooltip
  }
}
