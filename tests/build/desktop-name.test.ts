/**
 * Linux finds the app's window, launcher and badge by one name: package.json `desktopName` (what
 * Electron reports as app_id / WM_CLASS) must be the .desktop file electron-builder installs, and
 * the name the app writes its autostart entry under.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Configuration } from 'app-builder-lib'
import { getConfig } from 'app-builder-lib/out/util/config/config'
import { LINUX_DESKTOP_NAME } from '../../src/main/desktop/app-identity'

const ROOT = join(import.meta.dirname, '../..')

describe('desktopName', () => {
  it('names the .desktop file electron-builder installs, as the app itself names it', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      desktopName?: string
    }
    const config: Configuration = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null)
    // Without linux.syncDesktopName electron-builder names the file after the executable; with
    // it, after desktopName itself. Either way the two must be the same name.
    const installed = `${config.linux?.executableName ?? ''}.desktop`
    expect(pkg.desktopName).toBe(installed)
    expect(LINUX_DESKTOP_NAME).toBe(installed)
  })
})
