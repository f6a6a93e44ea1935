/**
 * The unseen missed-call count outside the window, kept from the service's `missedCalls` events:
 * the tray tooltip says it, and the app icon carries it as a badge where Electron has one
 * (`app.setBadgeCount`: the macOS Dock; on Linux only Unity-style launchers show it). Windows has
 * no count badge (an overlay icon would need an image drawn per number), so there the window title
 * carries the count: the page sets it (renderer composables/useMissedTitle.ts), and the taskbar
 * button shows the title.
 */
import type { EventMessage } from '../../../shared/api'
import type { ClientHandle } from '../../core/service/softphone-service'
import { MAX_TOOLTIP, type TrayView } from '../tray/tray-state'

export const MISSED_BADGE_CLIENT_ID = 'missed-badge'

export interface BadgeApp {
  /** Electron: false where the platform shows no badge; 0 removes it. */
  setBadgeCount(count?: number): boolean
}

export interface MissedBadgeDeps {
  service: { attach(client: ClientHandle): () => void }
  /** The count when the app starts (the history file keeps what was seen across restarts). */
  initial: number
  app: BadgeApp
  platform: NodeJS.Platform
  /** The count changed: the tray's tooltip is due for a refresh. */
  onChange: (unseen: number) => void
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
  let unseen = deps.initial
  const show = (): void => {
    if (hasBadge(deps.platform)) deps.app.setBadgeCount(unseen)
  }
  const detach = deps.service.attach({
    id: MISSED_BADGE_CLIENT_ID,
    send: (message: EventMessage) => {
      if (message.event !== 'missedCalls' || message.payload.unseen === unseen) return
      unseen = message.payload.unseen
      show()
      deps.onChange(unseen)
    }
  })
  show()
  return {
    unseen: () => unseen,
    decorate: (view) => withMissedCalls(view, unseen),
    dispose() {
      detach()
      // A badge outlives the app on macOS until it is cleared.
      if (hasBadge(deps.platform) && unseen > 0) deps.app.setBadgeCount(0)
    }
  }
}
