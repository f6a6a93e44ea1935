/**
 * The desktop shell as one more client of the service: it follows the calls and the status, and
 * turns them into the tray icon, the toast window and the native notifications. A ringing call
 * raises the toast and a notification, unless the core silenced it (Do not disturb: it rings out or
 * is declined, see core/settings-effects/do-not-disturb); a silenced call shows nowhere.
 */
import type { CoreStatus, EventMessage } from '../../../shared/api'
import { ringsHere, type Call } from '../../../shared/calls'
import type { ClientHandle } from '../../core/service/softphone-service'
import type { Notifier } from './notifications'
import { deriveTrayView, type TrayView } from '../tray/tray-state'
import type { Toast } from '../windows/toast-window'

export const SHELL_CLIENT_ID = 'desktop-shell'

export interface CallAlertsDeps {
  service: { attach(client: ClientHandle): () => void }
  initial: { calls: readonly Call[]; status: CoreStatus }
  appName: string
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
}

export interface CallAlerts {
  /** Recomputes everything (after Do not disturb changed). */
  refresh(): void
  view(): TrayView
  dispose(): void
}

export function startCallAlerts(deps: CallAlertsDeps): CallAlerts {
  const calls = new Map<string, Call>()
  for (const call of deps.initial.calls) if (call.state !== 'ended') calls.set(call.id, call)
  let status = deps.initial.status
  /** Calls a notification was raised for, so each rings the OS once. */
  const notified = new Set<string>()
  let view: TrayView

  const refresh = (): void => {
    const list = [...calls.values()]
    const quiet = deps.doNotDisturb()
    view = deriveTrayView({ calls: list, status, doNotDisturb: quiet, appName: deps.appName })
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

  const onEvent = (message: EventMessage): void => {
    if (message.event === 'callUpdated') {
      const call = message.payload
      if (call.state === 'ended') calls.delete(call.id)
      else calls.set(call.id, call)
      refresh()
    } else if (message.event === 'status') {
      status = message.payload
      refresh()
    }
  }

  const detach = deps.service.attach({ id: SHELL_CLIENT_ID, send: onEvent })
  refresh()

  return {
    refresh,
    view: () => view,
    dispose() {
      detach()
      for (const id of notified) deps.notifier.callStoppedRinging(id)
      notified.clear()
      deps.toast.hide()
    }
  }
}
