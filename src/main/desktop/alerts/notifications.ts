/**
 * Native notifications: one per ringing call (clicking it brings the call up in the main window),
 * and one when an update is ready. They are silent because the app's own ringtone is already
 * playing; the toast window carries the Answer and Decline buttons.
 */
import type { NotificationConstructorOptions } from 'electron'
import type { RingingCall } from '../../../shared/calls'

export interface NotificationLike {
  show(): void
  close(): void
  on(event: 'click', listener: () => void): unknown
}

export interface NotificationFactory {
  new (options: NotificationConstructorOptions): NotificationLike
  isSupported(): boolean
}

export interface NotifierDeps {
  Notification: NotificationFactory
  appName: string
  /** The user clicked a call's notification. */
  onCallClicked: (callId: string) => void
  onUpdateClicked?: (() => void) | undefined
}

export interface Notifier {
  callRinging(call: RingingCall): void
  callStoppedRinging(callId: string): void
  updateReady(version: string): void
  dispose(): void
}

export function createNotifier(deps: NotifierDeps): Notifier {
  // Held until closed: a notification object that is garbage-collected stops delivering its
  // click event on Windows and Linux, though it stays on screen.
  const shown = new Map<string, NotificationLike>()
  const supported = deps.Notification.isSupported()

  const show = (key: string, options: NotificationConstructorOptions, onClick: () => void) => {
    if (!supported) return
    shown.get(key)?.close()
    const notification = new deps.Notification(options)
    notification.on('click', () => {
      shown.delete(key)
      onClick()
    })
    shown.set(key, notification)
    notification.show()
  }

  const close = (key: string): void => {
    shown.get(key)?.close()
    shown.delete(key)
  }

  return {
    callRinging(call) {
      show(
        `call:${call.id}`,
        {
          title: 'Incoming Messenger call',
          body: `${call.caller.name ?? 'A Messenger user'} is calling your Page.`,
          silent: true,
          // Linux: stays until acted on, and is shown above other notifications.
          urgency: 'critical',
          timeoutType: 'never'
        },
        () => deps.onCallClicked(call.id)
      )
    },
    callStoppedRinging(callId) {
      close(`call:${callId}`)
    },
    updateReady(version) {
      show(
        'update',
        {
          title: `${deps.appName} ${version} is ready`,
          body: 'It will be installed when you quit the app.',
          silent: true
        },
        () => deps.onUpdateClicked?.()
      )
    },
    dispose() {
      for (const key of [...shown.keys()]) close(key)
    }
  }
}
