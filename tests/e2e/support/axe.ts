/**
 * axe-core run inside the page: the view as it is on screen, in the light and the dark theme.
 * Only serious and critical violations fail a test (the bar); each is listed by rule,
 * impact, element and axe's own summary so the failure says what to fix.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8'
)

interface AxeNode {
  target: unknown[]
  failureSummary?: string
}
interface AxeViolation {
  id: string
  impact?: string | null
  help: string
  nodes: AxeNode[]
}

const FAILING = new Set(['serious', 'critical'])

/** One line per failing element: "color-contrast (serious) .chip: Fix any of the following: ...". */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Injected by evaluate, which the page's Content-Security-Policy does not govern.
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE_SOURCE)
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`
  )) as AxeViolation[]
  return violations
    .filter((violation) => FAILING.has(violation.impact ?? ''))
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact}) ${node.target.join(' ')}: ${violation.help}. ` +
          (node.failureSummary ?? '').replace(/\s+/g, ' ')
      )
    )
}

/** The view's serious and critical violations in light then dark, each line led by the theme. */
export async function violationsInBothThemes(page: Page): Promise<string[]> {
  const found: string[] = []
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    // Let colour transitions finish so contrast is measured on the settled colours.
    await page.waitForTimeout(250)
    found.push(...(await seriousViolations(page)).map((line) => `[${colorScheme}] ${line}`))
  }
  await page.emulateMedia({ colorScheme: null })
  return found
}
