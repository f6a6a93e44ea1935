/**
 * The unseen missed-call count outside the window, kept from the service's `missedCalls` events:
 * the tray tooltip says it, and the app icon carries it as a badge where Electron has one
 * (`app.setBadgeCount`: the macOS Dock; on Linux only Unity-style launchers show it). Windows has
 * no count badge (an overlay icon would need an image drawn per number), so there the window title
 * carries the count: the page sets it (renderer composables/useMissedTitle.ts), and the taskbar
 * button shows the title. The count at start is the service's `getMissedCalls` answer (the hub's
 * history, or a seat's hub's), unless a `missedCalls` event came first.
 */
import type { EventMessage } from '../../../shared/api'
import type { ClientHandle } from '../../core/service/softphone-service'
import { ask, type DeskServicePort } from '../desk-service-port'
import { MAX_TOOLTIP, type TrayView } from '../tray/tray-state'

export const MISSED_BADGE_CLIENT_ID = 'missed-badge'

export interface BadgeApp {
  /** Electron: false where the platform shows no badge; 0 removes it. */
  setBadgeCount(count?: number): boolean
}

export interface MissedBadgeDeps {
  service: DeskServicePort
  app: BadgeApp
  platform: NodeJS.Platform
  /** The count changed: the tray's tooltip is due for a refresh. */
  onChange: (unseen: number) => void
  /** The count could not be asked for: it stays 0 until the next `missedCalls` event. */
  onAskFailed?: (error: unknown) => void
}

export interface MissedBadge {
  unseen(): number
  /** The tray view with the count added to its tooltip. */
  decorate(view: TrayView): TrayView
  dispose(): void
}

/** "…: Ready for calls (2 missed calls)", cut to the Windows tooltip limit with the count kept. */
export function withMissedCalls(view: TrayView, unseen: number): TrayView {
  if (unseen <= 0) return view
  const suffix = ` (${unseen} missed call${unseen === 1 ? '' : 's'})`
  const room = MAX_TOOLTIP - suffix.length
  const base = view.tooltip.length > room ? `${view.tooltip.slice(0, room - 1)}…` : view.tooltip
  return { ...view, tooltip: `${base}${suffix}` }
}

/** Where `app.setBadgeCount` does something (Electron docs: macOS and Linux). */
const hasBadge = (platform: NodeJS.Platform): boolean =>
  platform === 'darwin' || platform === 'linux'

export function startMissedBadge(deps: MissedBadgeDeps): MissedBadge {
  let unseen = 0
  /** An event told the count: the answer to the first question is older. */
  let heard = false
  let disposed = false
  const show = (): void => {
    if (hasBadge(deps.platform)) deps.app.setBadgeCount(unseen)
  }
  const set = (count: number): void => {
    if (count === unseen) return
    unseen = count
    show()
    deps.onChange(unseen)
  }
  const client: ClientHandle = {
    id: MISSED_BADGE_CLIENT_ID,
    send: (message: EventMessage) => {
      if (message.event !== 'missedCalls') return
      heard = true
      set(message.payload.unseen)
    }
  }
  const detach = deps.service.attach(client)
  show()
  ask(deps.service, 'getMissedCalls', {}, client).then(
    (missed) => {
      if (!heard && !disposed) set(missed.unseen)
    },
    (error: unknown) => deps.onAskFailed?.(error)
  )
  return {
    unseen: () => unseen,
    decorate: (view) => withMissedCalls(view, unseen),
    dispose() {
      disposed = true
      detach()
      // A badge outlives the app on macOS until it is cleared.
      if (hasBadge(deps.platform) && unseen > 0) deps.app.setBadgeCount(0)
    }
  }
}
