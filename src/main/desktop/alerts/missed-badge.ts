/**
 * The unseen missed-call count outside the window, kept from the service's `missedCalls` events:
 * the tray tooltip says it, and the app icon carries it as a badge where Electron has one
 * (`app.setBadgeCount`: the macOS Dock; on Linux only Unity-style launchers show it). Windows has
 * no count badge (an overlay icon would need an image drawn per number), so there the window title
 * carries the count: the page sets it (renderer composables/useMissedTitle.ts), and the taskbar
 * button shows the title. The count at start is the service's `getMissedCalls` answer (the hub's
 * history, or a seat's hub's), unless a `missedCalls` event came first.
 */
import type { CoreStatus, EventMessage } from '../../../shared/api'
import type { Translate } from '../../../shared/i18n/translate'
import type { ClientHandle } from '../../core/service/softphone-service'
import { ask, deskRoleChanged, type DeskServicePort } from '../desk-service-port'
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
  /** The desk's language of the moment. */
  t: Translate
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
export function withMissedCalls(view: TrayView, unseen: number, t: Translate): TrayView {
  if (unseen <= 0) return view
  const say = (status: string): string =>
    unseen === 1
      ? t('shell.tooltip.missedOne', { status })
      : t('shell.tooltip.missedMany', { status, count: unseen })
  const room = MAX_TOOLTIP - say('').length
  const base = view.tooltip.length > room ? `${view.tooltip.slice(0, room - 1)}…` : view.tooltip
  return { ...view, tooltip: say(base) }
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
  /** Counts the questions, so only the latest answer is taken. */
  let questions = 0
  const askCount = (): void => {
    const question = ++questions
    heard = false
    ask(deps.service, 'getMissedCalls', {}, client).then(
      (missed) => {
        if (!heard && !disposed && question === questions) set(missed.unseen)
      },
      (error: unknown) => deps.onAskFailed?.(error)
    )
  }
  let status: CoreStatus | undefined
  const client: ClientHandle = {
    id: MISSED_BADGE_CLIENT_ID,
    send: (message: EventMessage) => {
      if (message.event === 'missedCalls') {
        heard = true
        set(message.payload.unseen)
      } else if (message.event === 'status') {
        const before = status
        status = message.payload
        // Another hub's history (or this desk's own again): its count, asked anew.
        if (before && deskRoleChanged(before, status)) askCount()
      }
    }
  }
  const detach = deps.service.attach(client)
  show()
  askCount()
  return {
    unseen: () => unseen,
    decorate: (view) => withMissedCalls(view, unseen, deps.t),
    dispose() {
      disposed = true
      detach()
      // A badge outlives the app on macOS until it is cleared.
      if (hasBadge(deps.platform) && unseen > 0) deps.app.setBadgeCount(0)
    }
  }
}
