/**
 * Business hours end to end (issue 16, item 1), in real Chromium against the real core and the
 * simulator as Meta: the owner edits the hours in Settings and saves; the simulated Page's
 * `messenger_call_settings` `call_hours` then hold exactly those hours. A change made on the
 * Page's side shows in words in Settings, and writing the app's hours again makes them agree.
 * Outside the hours, the window says calls are declined and when the hours open. Screenshots of
 * the editor (English and Spanish) and of that status in both themes.
 */
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WEEKDAYS, type BusinessHours, type Weekday } from '../../src/shared/business-hours'
import { toCallHours } from '../../src/shared/call-hours'
import type { InProcessRig } from '../../src/main/simulator/rig/in-process'
import { launchChromium, openApp } from './support/browser'
import { TONES } from './support/paths'
import { pageUrlOf, screenshot, startBrowserRig } from './support/rig'

const nineToFive = [{ open: '09:00', close: '17:00' }]
/** What the owner ends up with: the suggested week, edited as the test does below. */
const EDITED: BusinessHours = {
  timeZone: 'America/Mexico_City',
  weekly: {
    MONDAY: [{ open: '09:00', close: '18:30' }],
    TUESDAY: nineToFive,
    WEDNESDAY: nineToFive,
    THURSDAY: nineToFive,
    FRIDAY: [
      { open: '09:00', close: '14:00' },
      { open: '16:00', close: '20:00' }
    ],
    SATURDAY: [{ open: '10:00', close: '13:00' }],
    SUNDAY: []
  },
  holidays: [{ from: '2026-12-24', to: '2026-12-25' }]
}

const ONE_HOUR = [{ open: '09:00', close: '10:00' }]
const DAY_NAMES: Record<Weekday, string> = {
  MONDAY: 'Monday',
  TUESDAY: 'Tuesday',
  WEDNESDAY: 'Wednesday',
  THURSDAY: 'Thursday',
  FRIDAY: 'Friday',
  SATURDAY: 'Saturday',
  SUNDAY: 'Sunday'
}

let browser: Browser | undefined
let rig: InProcessRig | undefined
let page: Page

beforeAll(async () => {
  rig = await startBrowserRig()
  browser = await launchChromium({ toneFile: TONES.app.file })
  page = await openApp(browser, pageUrlOf(rig))
  await page.getByText('Page connected').waitFor()
})

afterAll(async () => {
  await browser?.close()
  await rig?.close()
})

async function openHours(): Promise<Locator> {
  const sections = page.getByRole('navigation', { name: 'Sections' })
  await sections.getByRole('button', { name: 'Calls' }).click()
  await sections.getByRole('button', { name: 'Settings' }).click()
  const hours = page.getByRole('region', { name: 'Business hours' })
  await hours.getByRole('button', { name: 'Save and publish' }).waitFor()
  return hours
}

/** The section from its title down, in a window tall enough to hold it. */
async function shoot(hours: Locator, name: string): Promise<void> {
  await page.setViewportSize({ width: 560, height: 1500 })
  await hours.evaluate((section) => section.scrollIntoView({ block: 'start' }))
  await screenshot(page, name)
  await page.setViewportSize({ width: 560, height: 760 })
}

describe('business hours', () => {
  it('saved in Settings, they are the simulated Page’s call_hours', async () => {
    const hours = await openHours()
    await hours.getByText('Not saved yet: these are suggested hours.').waitFor()
    await hours.getByRole('combobox', { name: 'Time zone' }).fill('America/Mexico_City')
    await hours.getByLabel('Monday, closes').selectOption('18:30')
    await hours.getByLabel('Friday, closes').selectOption('14:00')
    await hours.getByRole('button', { name: 'Add a second range of hours on Friday' }).click()
    await hours.getByLabel('Friday, opens again').selectOption('16:00')
    await hours.getByLabel('Friday, closes again').selectOption('20:00')
    await hours.getByRole('switch', { name: 'Saturday' }).check()
    await hours.getByLabel('Saturday, opens').selectOption('10:00')
    await hours.getByLabel('Saturday, closes').selectOption('13:00')
    await hours.getByRole('button', { name: 'Add a holiday' }).click()
    await hours.getByLabel('Holiday 1, first day').fill('2026-12-24')
    await hours.getByLabel('Holiday 1, last day').fill('2026-12-25')
    await hours.getByRole('radio', { name: /Ring out quietly/ }).check()

    await hours.getByRole('button', { name: 'Save and publish' }).click()
    await hours.getByText('Saved, and published on your Page.').waitFor()
    await hours.getByText('Your Page shows the same hours.').waitFor()
    expect(rig!.sim.graph.callSettings.call_hours).toEqual(toCallHours(EDITED))
    const settings = await rig!.client.api.getSettings({})
    expect(settings.hours).toEqual({ schedule: EDITED, outside: 'quiet' })
    await shoot(hours, 'business-hours')
  })

  it('shows a change made on the Page in words, and writes the app’s hours again', async () => {
    const onThePage: BusinessHours = {
      ...EDITED,
      weekly: { ...EDITED.weekly, TUESDAY: [], SUNDAY: [{ open: '11:00', close: '12:00' }] }
    }
    rig!.sim.graph.updateCallSettings({ call_hours: toCallHours(onThePage) })

    const hours = await openHours()
    const difference = hours.getByTestId('page-hours')
    await difference.getByText('Your Page shows other hours than this app:').waitFor()
    expect(await difference.getByRole('listitem').allTextContents()).toEqual([
      'Tuesday: here 9:00 AM–5:00 PM; on the Page closed.',
      'Sunday: here closed; on the Page 11:00 AM–12:00 PM.'
    ])
    await shoot(hours, 'business-hours-difference')

    await difference.getByRole('button', { name: 'Write these hours to the Page again' }).click()
    await hours.getByText('Your Page shows the same hours.').waitFor()
    expect(rig!.sim.graph.callSettings.call_hours).toEqual(toCallHours(EDITED))
  })

  it('outside the hours, declining: the window says so and when the hours open', async () => {
    // Open one hour, two days from now (UTC): now is outside the hours, the opening this week.
    const day = WEEKDAYS[(new Date().getUTCDay() + 6 + 2) % 7]!
    const week = Object.fromEntries(WEEKDAYS.map((d) => [d, d === day ? ONE_HOUR : []]))
    const hours = await openHours()
    await hours.getByRole('combobox', { name: 'Time zone' }).fill('UTC')
    // By keyboard: Tab from the time zone reaches Monday's switch, with a visible focus ring,
    // and Space flips it.
    const monday = hours.getByRole('switch', { name: 'Monday' })
    const wasOpen = await monday.isChecked()
    await page.keyboard.press('Tab')
    expect(await page.evaluate("document.activeElement.closest('label').textContent.trim()")).toBe(
      'Monday'
    )
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe(
      'solid'
    )
    await page.keyboard.press('Space')
    expect(await monday.isChecked()).toBe(!wasOpen)
    for (const d of WEEKDAYS) {
      const box = hours.getByRole('switch', { name: DAY_NAMES[d] })
      // Unticked first: ticked again, a day starts from 9:00 to 5:00.
      await box.uncheck()
      if (d === day) await box.check()
    }
    await hours.getByLabel(`${DAY_NAMES[day]}, closes`).selectOption('10:00')
    await hours.getByRole('radio', { name: /Decline/ }).check()
    await hours.getByRole('button', { name: 'Save and publish' }).click()
    await hours.getByText('Saved, and published on your Page.').waitFor()
    expect((await rig!.client.api.getSettings({})).hours.schedule?.weekly).toEqual(week)

    const status = page.getByTestId('hours-status')
    await expect
      .poll(() => status.textContent())
      .toMatch(
        new RegExp(
          `^\\s*Outside business hours: calls are declined\\.\\s+Closed until ${DAY_NAMES[day]} 9:00 AM\\.\\s*$`
        )
      )
    await page.evaluate('window.scrollTo(0, 0)')
    await screenshot(page, 'business-hours-status')
  })

  it('reads Spanish when the desk does (screenshot)', async () => {
    await rig!.client.api.updateSettings({ desk: { language: 'es' } })
    const hours = page.getByRole('region', { name: 'Horario de atención' })
    await hours.getByRole('button', { name: 'Guardar y publicar' }).waitFor()
    await hours.getByRole('switch', { name: 'Lunes' }).waitFor()
    await shoot(hours, 'business-hours-es')
    await rig!.client.api.updateSettings({ desk: { language: 'en' } })
  })
})
