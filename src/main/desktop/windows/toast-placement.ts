/**
 * Where the incoming-call toast appears: in a corner of the screen's work area (the part not taken
 * by the taskbar, dock or menu bar), the corner nearest the tray icon when its position is known.
 * Without one (most Linux trays report no bounds), the platform's notification corner: top right on
 * macOS, bottom right on Windows and Linux.
 */
import type { Point, Rectangle, Size } from 'electron'

export const TOAST_MARGIN = 12

export interface ToastPlacement {
  workArea: Rectangle
  size: Size
  platform: NodeJS.Platform
  /** The tray icon's bounds, when the platform reports them (zero-sized means unknown). */
  trayBounds?: Rectangle | undefined
  margin?: number
}

function knownBounds(bounds: Rectangle | undefined): bounds is Rectangle {
  return bounds !== undefined && bounds.width > 0 && bounds.height > 0
}

export function toastPosition({
  workArea,
  size,
  platform,
  trayBounds,
  margin = TOAST_MARGIN
}: ToastPlacement): Point {
  let right = true
  let bottom = platform !== 'darwin'
  if (knownBounds(trayBounds)) {
    // A taskbar moved to the top or the left of the screen carries its tray icons there too.
    right = trayBounds.x + trayBounds.width / 2 >= workArea.x + workArea.width / 2
    bottom = trayBounds.y + trayBounds.height / 2 >= workArea.y + workArea.height / 2
  }
  const x = right ? workArea.x + workArea.width - size.width - margin : workArea.x + margin
  const y = bottom ? workArea.y + workArea.height - size.height - margin : workArea.y + margin
  // A work area smaller than the toast (a tiny or scaled screen): keep its top left on screen.
  return { x: Math.round(Math.max(workArea.x, x)), y: Math.round(Math.max(workArea.y, y)) }
}
