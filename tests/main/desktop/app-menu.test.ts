import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { translator } from '../../../src/shared/i18n/translate'
import { appMenuTemplate } from '../../../src/main/desktop/app-menu'

/** "label (role)" for every item, submenus indented by their parent's label. */
function describeMenu(items: MenuItemConstructorOptions[], parent = ''): string[] {
  return items.flatMap((item) => {
    if (item.type === 'separator') return []
    const line = `${parent}${item.label ?? '?'}${item.role ? ` (${item.role})` : ''}`
    const inner = Array.isArray(item.submenu) ? describeMenu(item.submenu, `${line} > `) : []
    return [line, ...inner]
  })
}

describe('the application menu', () => {
  it('labels every item itself, in Spanish on Windows and Linux, keeping the roles', () => {
    const lines = describeMenu(appMenuTemplate('win32', 'Softphone', translator('es')))
    expect(lines).toContain('&Archivo > Salir (quit)')
    expect(lines).toContain('&Edición > Pegar (paste)')
    expect(lines).toContain('&Ver > Ampliar (zoomIn)')
    expect(lines.every((line) => !line.includes('?'))).toBe(true)
  })

  it('on macOS has the app, Edit and Window menus, every item labelled, without access keys', () => {
    const lines = describeMenu(appMenuTemplate('darwin', 'Softphone', translator('es')))
    expect(lines).toContain('? (appMenu) > Salir de Softphone (quit)')
    expect(lines).toContain('Edición > Copiar (copy)')
    expect(lines).toContain('Ventana (windowMenu) > Minimizar (minimize)')
    // Only the app menu goes unlabelled: macOS titles it with the app's name.
    expect(lines.filter((line) => line.includes('?') && !line.startsWith('? (appMenu)'))).toEqual(
      []
    )
  })

  it('reads as before in English', () => {
    const lines = describeMenu(appMenuTemplate('linux', 'Softphone', translator('en')))
    expect(lines.filter((line) => !line.includes(' > '))).toEqual(['&File', '&Edit', '&View'])
  })
})
