/**
 * The application menu. It keeps Quit reachable where the tray is missing (closing the window only
 * minimises there) and, on macOS, the Edit menu without which Cmd+C and Cmd+V do nothing in the
 * app's text fields. Every item is labelled in the desk's language: Electron's role items carry
 * English labels of their own (macOS translates only the items it adds itself), and "When
 * specifying a role on macOS, label and accelerator are the only options that will affect the
 * menu item" (Electron's MenuItem docs), so a label changes the words and nothing else.
 */
import type { MenuItemConstructorOptions } from 'electron'
import type { Translate } from '../../shared/i18n/translate'

export function appMenuTemplate(
  platform: NodeJS.Platform,
  appName: string,
  t: Translate
): MenuItemConstructorOptions[] {
  const edit: MenuItemConstructorOptions = {
    label: t('shell.menu.edit'),
    submenu: [
      { role: 'undo', label: t('shell.menu.undo') },
      { role: 'redo', label: t('shell.menu.redo') },
      { type: 'separator' },
      { role: 'cut', label: t('shell.menu.cut') },
      { role: 'copy', label: t('shell.menu.copy') },
      { role: 'paste', label: t('shell.menu.paste') },
      { role: 'selectAll', label: t('shell.menu.selectAll') }
    ]
  }
  if (platform === 'darwin') {
    // macOS titles the first menu with the app's name, whatever its label.
    const app = { app: appName }
    return [
      {
        role: 'appMenu',
        submenu: [
          { role: 'about', label: t('shell.menu.about', app) },
          { type: 'separator' },
          { role: 'services', label: t('shell.menu.services') },
          { type: 'separator' },
          { role: 'hide', label: t('shell.menu.hide', app) },
          { role: 'hideOthers', label: t('shell.menu.hideOthers') },
          { role: 'unhide', label: t('shell.menu.showAll') },
          { type: 'separator' },
          { role: 'quit', label: t('shell.menu.quitApp', app) }
        ]
      },
      // The "&" is a Windows and Linux access key: macOS menus have none.
      { ...edit, label: t('shell.menu.edit').replace('&', '') },
      {
        role: 'windowMenu',
        label: t('shell.menu.window'),
        submenu: [
          { role: 'minimize', label: t('shell.menu.minimize') },
          { role: 'zoom', label: t('shell.menu.zoom') },
          { type: 'separator' },
          { role: 'close', label: t('shell.menu.close') }
        ]
      }
    ]
  }
  return [
    { label: t('shell.menu.file'), submenu: [{ role: 'quit', label: t('shell.menu.quit') }] },
    edit,
    {
      label: t('shell.menu.view'),
      submenu: [
        { role: 'resetZoom', label: t('shell.menu.resetZoom') },
        { role: 'zoomIn', label: t('shell.menu.zoomIn') },
        { role: 'zoomOut', label: t('shell.menu.zoomOut') }
      ]
    }
  ]
}
