/**
 * What the tray icon says, derived from the calls and the core status (with its tunnel), both from
 * service events: one of four icons and a tooltip sentence in the desk's language. Pure, so each
 * transition is a table test.
 */
import type { CoreStatus } from '../../../shared/api'
import type { Call } from '../../../shared/calls'
import { assertNever, ringsHere } from '../../../shared/calls'
import type { OutsideHoursStatus } from '../../../shared/hours-status'
import { hubLinkProblem, lineOf } from '../../../shared/connection'
import { translateLine, type Translate } from '../../../shared/i18n/translate'
import { tunnelLine } from '../../../shared/tunnel'
import { callerName } from '../shell-language'

export const TRAY_STATES = ['idle', 'ringing', 'in-call', 'offline'] as const
export type TrayState = (typeof TRAY_STATES)[number]

export interface TrayView {
  state: TrayState
  tooltip: string
}

export interface TrayInput {
  calls: readonly Call[]
  /** Undefined until the service answered (the shell says `hello` once it starts). */
  status: CoreStatus | undefined
  doNotDisturb: boolean
  appName: string
  t: Translate
}

/** Windows cuts a tray tooltip at 127 characters (NOTIFYICONDATA.szTip holds 128). */
export const MAX_TOOLTIP = 127

/** The tooltip before the service has said where things stand. */
export function startingView(appName: string, t: Translate): TrayView {
  return { state: 'offline', tooltip: withAppName(appName, t('shell.tooltip.starting'), t) }
}

function withAppName(appName: string, status: string, t: Translate): string {
  const tooltip = t('shell.tooltip.app', { app: appName, status })
  return tooltip.length > MAX_TOOLTIP ? `${tooltip.slice(0, MAX_TOOLTIP - 1)}…` : tooltip
}

/** Why no call can ring right now, or undefined when calls can arrive. */
export function offlineReason(status: CoreStatus, t: Translate): string | undefined {
  const { tunnel } = status
  // A seat's calls come through its hub: first the link, then the hub's Page; no webhook here.
  if (status.hub) {
    const problem = hubLinkProblem(status.hub)
    return problem ? translateLine(t, lineOf(problem)) : seatPageReason(status, t)
  }
  if (!status.page.configured) return t('shell.tooltip.notSetUp')
  if (!status.webhookUrl) return t('shell.tooltip.notListening')
  // Meta's own word on the Page comes before anything about the tunnel (see shared/connection).
  if (status.pageHealth?.state === 'failed') return status.pageHealth.message
  if (status.pageHealth?.state === 'checking') return t('errors.status.checkingPage')
  switch (tunnel.state) {
    case 'error':
    case 'reconnecting':
      return translateLine(t, tunnelLine(tunnel))
    case 'up':
      // An http address: Meta will not call it (its words take only the address).
      if (tunnel.warningWords) return t(`errors.${tunnel.warningWords.key}`, { url: tunnel.url })
      if (tunnel.warning) return tunnel.warning
      break
    case 'off':
    case 'connecting':
      break
    default:
      return assertNever(tunnel)
  }
  if (!status.publicUrl) return t('shell.tooltip.noPublicUrl')
  return undefined
}

function seatPageReason(status: CoreStatus, t: Translate): string | undefined {
  if (!status.page.configured) return t('shell.tooltip.hubWithoutPage')
  if (status.pageHealth?.state === 'failed') return status.pageHealth.message
  if (status.pageHealth?.state === 'checking') return t('errors.status.checkingPage')
  return undefined
}

/**
 * "Ready for calls (closed until Mon 09:00: calls ring out quietly)", the opening on the hours' own
 * wall clock, written as the desk's language writes a weekday and a time.
 */
function outsideHours(status: string, hours: OutsideHoursStatus | undefined, t: Translate): string {
  if (!hours) return status
  const calls = t(
    hours.calls === 'quiet' ? 'shell.tooltip.callsQuiet' : 'shell.tooltip.callsDeclined'
  )
  if (hours.opensAt === null) return t('shell.tooltip.noOpening', { status, calls })
  const when = new Intl.DateTimeFormat(t('shell.tooltip.dateLocale'), {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: hours.timeZone
  }).format(hours.opensAt)
  return t('shell.tooltip.closedUntil', { status, when, calls })
}

export function deriveTrayView(input: TrayInput): TrayView {
  // A call silenced by Do not disturb rings nowhere, the tray included.
  const ringing = input.calls.filter(ringsHere)
  const live = input.calls.filter(
    (call) => call.state === 'answering' || call.state === 'connected'
  )
  const { t } = input
  const quiet = (status: string): string =>
    input.doNotDisturb
      ? t('shell.tooltip.quiet', { status })
      : outsideHours(status, input.status?.hours, t)
  let view: TrayView
  const first = ringing[0]
  const current = live[0]
  if (first) {
    const caller = callerName(first, t)
    const calling =
      ringing.length > 1
        ? t('shell.tooltip.ringingMore', { caller, more: ringing.length - 1 })
        : t('shell.tooltip.ringing', { caller })
    view = { state: 'ringing', tooltip: quiet(calling) }
  } else if (current) {
    view = {
      state: 'in-call',
      tooltip: t('shell.tooltip.inCall', { caller: callerName(current, t) })
    }
  } else if (!input.status) {
    return startingView(input.appName, t)
  } else {
    const reason = offlineReason(input.status, t)
    view = reason
      ? { state: 'offline', tooltip: reason }
      : { state: 'idle', tooltip: quiet(t('shell.tooltip.ready')) }
  }
  return { state: view.state, tooltip: withAppName(input.appName, view.tooltip, t) }
}
