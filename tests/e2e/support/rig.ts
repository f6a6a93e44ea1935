import { mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
import {
  startInProcessRig,
  type InProcessRig,
  type InProcessRigOptions
} from '../../../src/main/simulator/rig/in-process'
import { RENDERER_DIR, SCREENSHOTS_DIR } from './paths'

/** The real core in browser mode, the simulator as Meta and caller, the built renderer served. */
export function startBrowserRig(options: InProcessRigOptions = {}): Promise<InProcessRig> {
  return startInProcessRig({ ringTimeoutMs: 20_000, staticDir: RENDERER_DIR, ...options })
}

export function pageUrlOf(rig: InProcessRig): string {
  const url = rig.ui.info.pageUrl
  if (!url) throw new Error('The rig serves no page')
  return url
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true })
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}.png` })
}
