/**
 * The application menu. It keeps Quit reachable where the tray is missing (closing the window only
 * minimises there) and, on macOS, the Edit menu without which Cmd+C and Cmd+V do nothing in the
 * app's text fields.
 */
import type { MenuItemConstructorOptions } from 'electron'

export function appMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  if (platform === 'darwin') {
    return [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]
  }
  return [
    { label: '&File', submenu: [{ role: 'quit' }] },
    { role: 'editMenu' },
    { label: '&View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }] }
  ]
}
