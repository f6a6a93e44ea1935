/**
 * Issue 15 item 4 for a seat, in the browser: a seat whose desk speaks Spanish says its link to
 * the hub in Spanish, connected and, once the hub process is gone, offline with this app's own
 * reason (the connection dropped, then nothing answers at the hub's address) worded in Spanish
 * too. The hub is `npm run serve` in its own process; the seat is `serve --web` paired with it.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { BRIDGE_INFO_FILE } from '../../src/main/core/bridge/ui-server'
import { connectBridge } from '../../src/main/simulator/rig/bridge-connection'
import { startHubProcess } from '../main/hub-process'
import { serve, waitFor } from '../main/serve-process'
import { launchChromium, openApp } from './support/browser'
import { englishIn } from './support/english-text'
import { TONES } from './support/paths'
import { screenshot } from './support/rig'

let browser: Browser | undefined
const cleanups: (() => unknown)[] = []

beforeAll(async () => {
  browser = await launchChromium({ toneFile: TONES.app.file })
}, 30_000)

afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await Promise.resolve()
      .then(cleanup)
      .catch(() => undefined)
  }
  await browser?.close()
})

it('a Spanish seat says its link to the hub in Spanish, online and offline', async () => {
  const hub = await startHubProcess({ seatName: 'Front desk', cleanups })
  const seat = serve(
    { SOFTPHONE_DATA_DIR: hub.seatDir, SOFTPHONE_HUB: hub.hubUrl, SOFTPHONE_UI_PORT: '0' },
    ['--web']
  )
  cleanups.push(async () => {
    if (seat.child.exitCode !== null || seat.child.signalCode !== null) return
    seat.child.kill('SIGKILL')
    await seat.exited
  })
  await waitFor(() => seat.stdout().includes('\n'), `the seat's page address`, 30_000)
  // The language is the seat's own choice (a desk setting), not the hub's.
  const info = JSON.parse(await readFile(join(hub.seatDir, BRIDGE_INFO_FILE), 'utf8')) as {
    url: string
  }
  const seatDesk = await connectBridge(info.url)
  cleanups.push(() => seatDesk.close())
  await seatDesk.api.updateSettings({ desk: { language: 'es' } })

  const page = await openApp(browser!, seat.stdout().split('\n')[0]!)
  cleanups.push(() => page.context().close())
  const line = page.getByRole('status', { name: 'Conexión con el puesto central' })
  await expect.poll(() => line.innerText(), { timeout: 20_000 }).toMatch(/^Conectado con /)

  await hub.kill()
  await expect
    .poll(() => line.innerText(), { timeout: 15_000 })
    .toMatch(/^Puesto central sin conexión: (Se perdió la conexión|El puesto central no está)/)
  // Retried: nothing answers at the hub's address now, said in Spanish with the address.
  await expect
    .poll(() => line.innerText(), { timeout: 15_000 })
    .toMatch(/El puesto central no está funcionando en 127\.0\.0\.1:\d+, o su computadora/)
  expect(await englishIn(page.locator('#app'), ['Messenger Softphone', 'Front desk'])).toEqual([])
  await screenshot(page, 'seat-offline-es')
}, 120_000)
