/**
 * The desktop shell as one more client of the service: it follows the calls and the status, and
 * turns them into the tray icon, the toast window and the native notifications. A ringing call
 * raises the toast and a notification, unless the core silenced it (Do not disturb: it rings out or
 * is declined, see core/settings-effects/do-not-disturb); a silenced call shows nowhere.
 *
 * It learns where things stand as any UI does, by saying `hello` to the service (a hub's or a
 * seat's, see desk-service-port), and follows the events from then on.
 */
import type { CoreStatus, EventMessage, HelloResult } from '../../../shared/api'
import { ringsHere, type Call } from '../../../shared/calls'
import type { Translate } from '../../../shared/i18n/translate'
import type { ClientHandle } from '../../core/service/softphone-service'
import { ask, deskRoleChanged, type DeskServicePort } from '../desk-service-port'
import type { Notifier } from './notifications'
import { deriveTrayView, type TrayView } from '../tray/tray-state'
import type { Toast } from '../windows/toast-window'

export const SHELL_CLIENT_ID = 'desktop-shell'

export interface CallAlertsDeps {
  service: DeskServicePort
  appName: string
  /** The desk's language of the moment: `refresh` after it changed. */
  t: Translate
  doNotDisturb: () => boolean
  /** Where the tray view goes (the tray, when there is one). */
  showView: (view: TrayView) => void
  toast: Toast
  notifier: Pick<Notifier, 'callRinging' | 'callStoppedRinging'>
  /**
   * False on native Wayland, where a window can neither stay on top nor show without taking the
   * focus (electron.d.ts: "not supported on Wayland (Linux)"): the notification alone rings there,
   * and its click opens the main window (Linux notifications have no buttons).
   */
  floatingToast?: boolean
  /** The `hello` failed: the tray stays at "starting" until the service sends a status. */
  onHelloFailed?: (error: unknown) => void
}

export interface CallAlerts {
  /** Recomputes everything (after Do not disturb or the language changed). */
  refresh(): void
  view(): TrayView
  dispose(): void
}

export function startCallAlerts(deps: CallAlertsDeps): CallAlerts {
  const calls = new Map<string, Call>()
  /** Calls an event told about since attaching: newer than what a later `hello` answer lists. */
  const heard = new Set<string>()
  /** Undefined until the `hello` answer or a status event. */
  let status: CoreStatus | undefined
  let disposed = false
  /** Calls a notification was raised for, so each rings the OS once. */
  const notified = new Set<string>()
  let view: TrayView

  const refresh = (): void => {
    const list = [...calls.values()]
    const quiet = deps.doNotDisturb()
    view = deriveTrayView({
      calls: list,
      status,
      doNotDisturb: quiet,
      appName: deps.appName,
      t: deps.t
    })
    deps.showView(view)
    const ringing = list.filter(ringsHere)
    const ringingIds = new Set(ringing.map((call) => call.id))
    for (const id of [...notified]) {
      if (ringingIds.has(id)) continue
      notified.delete(id)
      deps.notifier.callStoppedRinging(id)
    }
    if (ringing.length === 0 || deps.floatingToast === false) deps.toast.hide()
    else deps.toast.show()
    for (const call of ringing) {
      if (notified.has(call.id)) continue
      notified.add(call.id)
      deps.notifier.callRinging(call)
    }
  }

  const keep = (call: Call): void => {
    if (call.state === 'ended') calls.delete(call.id)
    else calls.set(call.id, call)
  }

  /** Counts the greetings, so only the latest answer is taken. */
  let greetings = 0
  const greet = (): void => {
    const greeting = ++greetings
    heard.clear()
    ask(deps.service, 'hello', {}, client).then(
      (hello) => {
        if (!disposed && greeting === greetings) greeted(hello)
      },
      (error: unknown) => deps.onHelloFailed?.(error)
    )
  }

  // The answer may come after events (a seat asks its hub): what an event said is newer. A call
  // neither listed nor heard of since the greeting is gone (the desk changed role meanwhile).
  const greeted = (hello: HelloResult): void => {
    const listed = new Set(hello.calls.map((call) => call.id))
    for (const id of [...calls.keys()]) if (!listed.has(id) && !heard.has(id)) calls.delete(id)
    for (const call of hello.calls) if (!heard.has(call.id)) keep(call)
    status ??= hello.status
    refresh()
  }

  const onEvent = (message: EventMessage): void => {
    if (message.event === 'callUpdated') {
      heard.add(message.payload.id)
      keep(message.payload)
      refresh()
    } else if (message.event === 'status') {
      const before = status
      status = message.payload
      // A desk that became a seat (or the hub again) has other calls: ask for them anew.
      if (before && deskRoleChanged(before, status)) greet()
      refresh()
    }
  }

  const client: ClientHandle = { id: SHELL_CLIENT_ID, send: onEvent }
  // Attached first, so no event falls between the answer and the subscription.
  const detach = deps.service.attach(client)
  refresh()
  greet()

  return {
    refresh,
    view: () => view,
    dispose() {
      disposed = true
      detach()
      for (const id of notified) deps.notifier.callStoppedRinging(id)
      notified.clear()
      deps.toast.hide()
    }
  }
}
