/**
 * Native notifications: one per ringing call (clicking it brings the call up in the main window),
 * and one when an update is ready. They are silent because the app's own ringtone is already
 * playing; the toast window carries the Answer and Decline buttons. They speak the desk's language,
 * and one still on screen when it changes is shown again in the new one.
 */
import type { NotificationConstructorOptions } from 'electron'
import type { RingingCall } from '../../../shared/calls'
import type { Translate } from '../../../shared/i18n/translate'
import { callerName } from '../shell-language'

export interface NotificationLike {
  show(): void
  close(): void
  on(event: 'click' | 'close', listener: () => void): unknown
}

export interface NotificationFactory {
  new (options: NotificationConstructorOptions): NotificationLike
  isSupported(): boolean
}

export interface NotifierDeps {
  Notification: NotificationFactory
  appName: string
  /** The desk's language of the moment (shell-language). */
  t: Translate
  /** The user clicked a call's notification. */
  onCallClicked: (callId: string) => void
  onUpdateClicked?: (() => void) | undefined
}

export interface Notifier {
  callRinging(call: RingingCall): void
  callStoppedRinging(callId: string): void
  updateReady(version: string): void
  /** Shows the notifications still on screen again, in the desk's language of now. */
  retranslate(): void
  dispose(): void
}

export function createNotifier(deps: NotifierDeps): Notifier {
  // Held until closed: a notification object that is garbage-collected stops delivering its
  // click event on Windows and Linux, though it stays on screen.
  const shown = new Map<string, { notification: NotificationLike; show: () => void }>()
  const supported = deps.Notification.isSupported()
  const { t } = deps

  /** `options` is asked each time it is shown, so a second showing takes the language of then. */
  const show = (
    key: string,
    options: () => NotificationConstructorOptions,
    onClick: () => void
  ) => {
    if (!supported) return
    shown.get(key)?.notification.close()
    const notification = new deps.Notification(options())
    notification.on('click', () => {
      shown.delete(key)
      onClick()
    })
    // Electron: closed "by manual intervention from the user" (dismissed): not shown again later.
    notification.on('close', () => {
      if (shown.get(key)?.notification === notification) shown.delete(key)
    })
    shown.set(key, { notification, show: () => show(key, options, onClick) })
    notification.show()
  }

  const close = (key: string): void => {
    shown.get(key)?.notification.close()
    shown.delete(key)
  }

  return {
    callRinging(call) {
      show(
        `call:${call.id}`,
        () => ({
          title: t('shell.notification.callTitle'),
          body: t('shell.notification.callBody', { caller: callerName(call, t) }),
          silent: true,
          // Linux: stays until acted on, and is shown above other notifications.
          urgency: 'critical',
          timeoutType: 'never'
        }),
        () => deps.onCallClicked(call.id)
      )
    },
    callStoppedRinging(callId) {
      close(`call:${callId}`)
    },
    updateReady(version) {
      show(
        'update',
        () => ({
          title: t('shell.notification.updateTitle', { app: deps.appName, version }),
          body: t('shell.notification.updateBody'),
          silent: true
        }),
        () => deps.onUpdateClicked?.()
      )
    },
    retranslate() {
      for (const { show: again } of [...shown.values()]) again()
    },
    dispose() {
      for (const key of [...shown.keys()]) close(key)
    }
  }
}
