/**
 * Which tray icon file each platform gets (drawn by scripts/make-icons.ts), following Electron's
 * nativeImage docs:
 * - macOS: template images ("Template" ending the name, black plus alpha) that macOS recolours for
 *   light and dark menu bars; 16 px with an @2x file Electron picks for Retina screens.
 * - Windows: an ICO with the small-icon sizes for each DPI scale (16, 20, 24, 32 px).
 * - Linux: 24 px (panels draw 22-24 px; a 16 px icon scaled up blurs), with an @2x file.
 */
import { join } from 'node:path'
import type { TrayState } from './tray-state'

export function trayIconPath(assets: string, platform: NodeJS.Platform, state: TrayState): string {
  const name =
    platform === 'darwin'
      ? `${state}Template.png`
      : platform === 'win32'
        ? `${state}.ico`
        : `${state}.png`
  return join(assets, 'tray', name)
}
