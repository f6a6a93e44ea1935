/**
 * A desk that had its own Page joins a hub from the page, then leaves it (issue 13, item 2): the
 * desk (`npm run web` as people start it) takes a test call, then its Page is saved against its
 * own simulated Meta as the wizard does; joining asks first, then forgets the Page; History offers
 * "Calls on this desk before it joined" with the earlier call; Leave this hub brings the same page
 * back to the welcome, with no Page, and the hub's Desks no longer lists it.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { SECRETS_FILE } from '../../src/main/core/config/secrets'
import type { InProcessRig } from '../../src/main/simulator/rig/in-process'
import { startSimulator, type Simulator } from '../../src/main/simulator/simulator'
import { launchChromium, openApp } from './support/browser'
import { startDeskProcess } from './support/desk-process'
import { TONES } from './support/paths'
import { screenshot, startBrowserRig } from './support/rig'

/** The desk's own Page, on its own simulated Meta (not the hub's). */
const OWN_PAGE = {
  pageId: '333444555666777',
  pageAccessToken: 'EAAOwnDeskPageToken0123456789',
  appId: '444555666777888',
  appSecret: '0123456789abcdef0123456789abcdef'
}

let rig: InProcessRig | undefined
let ownMeta: Simulator | undefined
let browser: Browser | undefined
const cleanups: (() => Promise<unknown>)[] = []

beforeAll(async () => {
  rig = await startBrowserRig({ deskName: 'Hub' })
  rig.core.setPublicUrl(new URL(rig.webhookUrl).origin)
  ownMeta = await startSimulator(OWN_PAGE)
  browser = await launchChromium({ toneFile: TONES.app.file })
}, 30_000)

afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined)
  await browser?.close()
  await ownMeta?.close()
  await rig?.close()
})

const sectionsOf = (page: Page): ReturnType<Page['getByRole']> =>
  page.getByRole('navigation', { name: 'Sections' })

it('a desk with a Page joins after asking, keeps its earlier calls apart, and leaves', async () => {
  const hub = rig!
  const desk = await startDeskProcess({ GRAPH_API_URL: ownMeta!.graphUrl })
  cleanups.push(() => desk.close())
  const page = await openApp(browser!, desk.pageUrl)
  cleanups.push(() => page.context().close())

  // A call on this desk before it joins: the built-in test call.
  await page
    .getByRole('region', { name: 'Welcome' })
    .getByRole('button', { name: 'Test call' })
    .click()
  const toast = page.getByRole('alertdialog')
  await toast.getByText('Test caller').waitFor({ timeout: 15_000 })
  await toast.getByRole('button', { name: 'Answer' }).click()
  const inCall = page.getByRole('region', { name: 'Call in progress' })
  await inCall.getByText('Connected').waitFor({ timeout: 20_000 })
  await inCall.getByRole('button', { name: 'Hang up' }).click()
  const ended = page.getByRole('status').filter({ hasText: /Call ended/ })
  await ended.waitFor({ timeout: 15_000 })
  // Its notice would go by itself in a few seconds; gone now, it stays out of the pictures.
  await ended.getByRole('button', { name: 'Dismiss' }).click()

  // Its own Page, saved through the wizard.
  await page.getByRole('button', { name: 'Set up this desk' }).click()
  await page
    .getByRole('group', { name: 'How this desk takes calls' })
    .getByRole('button', { name: 'Connect a Page (this desk becomes the hub)' })
    .click()
  await page.getByLabel('Page id').fill(OWN_PAGE.pageId)
  await page.getByLabel('App id').fill(OWN_PAGE.appId)
  await page.locator('#setup-token').fill(OWN_PAGE.pageAccessToken)
  await page.locator('#setup-secret').fill(OWN_PAGE.appSecret)
  await page.getByRole('button', { name: 'Save and check' }).click()
  await page.getByRole('list', { name: 'Setup checks' }).waitFor({ timeout: 20_000 })
  await page.locator('.chip', { hasText: /^Page/ }).waitFor()

  // Joining forgets that Page: asked first, in place.
  await page.getByRole('button', { name: 'Join a desk that is already connected instead' }).click()
  const invitation = await hub.client.api.addDesk({ name: 'Back office' })
  await page.getByLabel('Invitation').fill(invitation.code)
  await page.getByRole('button', { name: 'Join', exact: true }).click()
  const confirm = page.getByRole('group', { name: 'Forget this desk’s Page and join?' })
  await confirm.getByRole('button', { name: 'Forget the Page and join' }).click()
  const line = page.getByRole('status', { name: 'Connection to the hub' })
  await expect.poll(() => line.innerText(), { timeout: 20_000 }).toMatch(/^Connected to Hub/)
  const secrets = JSON.parse(await readFile(join(desk.dir, SECRETS_FILE), 'utf8')) as object
  expect(secrets).not.toHaveProperty('pageAccessToken')
  expect(secrets).not.toHaveProperty('appSecret')

  // History: the hub's calls, and apart from them this desk's own from before.
  await sectionsOf(page).getByRole('button', { name: 'History' }).click()
  const history = page.getByRole('region', { name: 'History' })
  await history
    .getByRole('group', { name: 'Which calls' })
    .getByRole('button', { name: 'Calls on this desk before it joined' })
    .click()
  await history.getByText('Test caller').waitFor({ timeout: 10_000 })
  await page.mouse.move(0, 0)
  await screenshot(page, 'past-history')

  // Leaving: asked first, then the same page is a fresh desk's welcome, with no Page.
  await sectionsOf(page).getByRole('button', { name: 'Settings' }).click()
  const hubGroup = page.getByRole('region', { name: 'Hub' })
  await hubGroup.getByRole('button', { name: 'Leave this hub' }).click()
  await hubGroup
    .getByRole('group', { name: 'Leave this hub?' })
    .getByRole('button', { name: 'Leave', exact: true })
    .click()
  const welcome = page.getByRole('region', { name: 'Welcome' })
  await welcome.getByText('This desk left Hub.').waitFor({ timeout: 15_000 })
  expect(await page.locator('.chip').innerText()).toBe('No Page connected')
  await screenshot(page, 'left-hub')
  expect((await hub.client.api.listDesks({})).desks.map((d) => d.name)).not.toContain('Back office')
  // Its History is its own again: the earlier call, no choice of lists.
  await sectionsOf(page).getByRole('button', { name: 'History' }).click()
  await history.getByText('Test caller').waitFor()
  expect(await history.getByRole('group', { name: 'Which calls' }).count()).toBe(0)
  // Its Page setup starts empty: the Page was forgotten.
  await sectionsOf(page).getByRole('button', { name: 'Page setup' }).click()
  await page
    .getByRole('group', { name: 'How this desk takes calls' })
    .getByRole('button', { name: 'Connect a Page (this desk becomes the hub)' })
    .click()
  expect(await page.getByLabel('Page id').inputValue()).toBe('')
}, 60_000)
