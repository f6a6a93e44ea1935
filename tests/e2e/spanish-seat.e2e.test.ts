/**
 * Issue 15 item 4 for a seat, in the browser: a seat whose desk speaks Spanish says its link to
 * the hub in Spanish, connected and, once the hub process is gone, offline with this app's own
 * reason (the connection dropped, then nothing answers at the hub's address) worded in Spanish
 * too. The hub is `npm run serve` in its own process; the seat is `serve --web` paired with it.
 */
import { expect, it } from 'vitest'
import { startHubProcess } from '../main/hub-process'
import { openApp } from './support/browser'
import { englishIn } from './support/english-text'
import { screenshot } from './support/rig'
import { useSeatBrowser } from './support/seat-browser'

const { browser, cleanups } = useSeatBrowser()

it('a Spanish seat says its link to the hub in Spanish, online and offline', async () => {
  const hub = await startHubProcess({ seatName: 'Front desk', cleanups })
  const { pageUrl } = await hub.startSeat()
  // The language is the seat's own choice (a desk setting), not the hub's.
  await (await hub.seatDesk()).api.updateSettings({ desk: { language: 'es' } })

  const page = await openApp(browser(), pageUrl)
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
