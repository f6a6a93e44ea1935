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

/**
 * `name`.png as the page is, and `name`-dark.png in the dark theme when the page was light, so
 * every view is seen in both themes (`fullPage`: the whole page, not only what fits the window).
 * The light look is restored after the dark shot.
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {}
): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true })
  const fullPage = options.fullPage ?? false
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}.png`, fullPage })
  const dark = await page.evaluate<boolean>("matchMedia('(prefers-color-scheme: dark)').matches")
  if (dark) return
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}-dark.png`, fullPage })
  await page.emulateMedia({ colorScheme: null })
}
