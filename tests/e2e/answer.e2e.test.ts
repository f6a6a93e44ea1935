/**
 * A Messenger call answered in real Chromium: the toast, one click, real audio both ways measured
 * by frequency, and every way a call can end. The simulator plays Meta and the caller.
 */
import type { Browser, Page } from 'playwright-core'
import { parse } from 'sdp-transform'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { InProcessRig } from '../../src/main/simulator/rig/in-process'
import { launchChromium, openApp, pageHearing, type OpenAppOptions } from './support/browser'
import { TONES } from './support/paths'
import { pageUrlOf, screenshot, startBrowserRig } from './support/rig'

describe('answering a call in the browser', () => {
  let browser: Browser
  let rig: InProcessRig
  let page: Page

  beforeAll(async () => {
    browser = await launchChromium({ toneFile: TONES.app.file })
  })
  afterAll(async () => {
    await browser?.close()
  })
  afterEach(async () => {
    await page?.context().close()
    await rig?.close()
  })

  async function ready(
    options: Parameters<typeof startBrowserRig>[0] = {},
    open: OpenAppOptions = {}
  ): Promise<void> {
    rig = await startBrowserRig(options)
    page = await openApp(browser, pageUrlOf(rig), open)
    await page.getByText('Page connected').waitFor()
  }

  const toast = (): ReturnType<Page['getByRole']> => page.getByRole('alertdialog')

  it('rings, answers with one click, and carries audio both ways', async () => {
    await ready()
    const callId = await rig.sim.placeCall()
    await expect.poll(() => toast().count()).toBe(1)
    // The name arrives from the profile lookup a moment after the toast (the PSID shows first).
    await toast().getByText('Ada Lovelace').waitFor()
    // Large targets (WCAG 2.5.5): Answer and Decline are at least 44 px each way.
    for (const name of ['Answer', 'Decline']) {
      const box = await toast().getByRole('button', { name }).boundingBox()
      expect(Math.min(box?.width ?? 0, box?.height ?? 0), name).toBeGreaterThanOrEqual(44)
    }
    await screenshot(page, 'incoming-call-toast')
    // Ready to answer, yet nothing can leave: the prepared connection has an offer but no remote
    // side, so it cannot connect, and Meta has not been asked for anything.
    await expect
      .poll(() =>
        page.evaluate(
          `window.__peerConnections.map((pc) => [pc.localDescription?.type, pc.remoteDescription, pc.connectionState])`
        )
      )
      .toEqual([['offer', null, 'new']])
    expect(rig.sim.graph.requests.some((request) => request.action === 'accept')).toBe(false)

    await page.getByRole('button', { name: 'Answer' }).click()
    await page.getByRole('region', { name: 'Call in progress' }).getByText('Connected').waitFor()

    // The caller hears the app's microphone (an 880 Hz tone) ...
    const caller = rig.sim.callerOf(callId)
    expect(caller).toBeDefined()
    const heard = await caller!.waitForAudio({ frequency: TONES.app.frequency, timeoutMs: 10_000 })
    expect(heard.frequency).toBeGreaterThan(TONES.app.frequency - 20)
    expect(heard.frequency).toBeLessThan(TONES.app.frequency + 20)
    // ... and the app plays the caller's 440 Hz tone.
    await expect
      .poll(async () => (await pageHearing(page)).energy, { timeout: 10_000 })
      .toBeGreaterThan(0)
    const hearing = await pageHearing(page)
    expect(hearing.frequency).not.toBeNull()
    expect(Math.abs((hearing.frequency ?? 0) - 440)).toBeLessThan(20)
    await screenshot(page, 'in-call')

    await page.getByRole('button', { name: 'Hang up' }).click()
    const ending = await rig.sim.whenEnded(callId)
    expect(ending.by).toBe('business')
    await expect.poll(() => rig.core.registry.get(callId)?.state).toBe('ended')
    expect(rig.core.registry.get(callId)).toMatchObject({
      outcome: 'completed',
      reason: 'we-hung-up'
    })
    await page.getByText(/Call ended/).waitFor()
  })

  it('with the microphone allowed beforehand, accepts before it has started, and audio flows both ways', async () => {
    // A microphone that takes a second to start; the page notes when getUserMedia resolved.
    const slowMicrophone = `(() => {
      const devices = navigator.mediaDevices
      const open = devices.getUserMedia.bind(devices)
      devices.getUserMedia = async (constraints) => {
        const stream = await open(constraints)
        await new Promise((resolve) => setTimeout(resolve, 1000))
        window.__microphoneStartedAt = performance.timeOrigin + performance.now()
        return stream
      }
    })()`
    await ready({}, { grantMicrophone: true, initScripts: [slowMicrophone] })
    const callId = await rig.sim.placeCall()
    await expect
      .poll(() => page.evaluate(`window.__peerConnections.map((pc) => pc.signalingState)`))
      .toEqual(['have-local-offer'])

    await page.getByRole('button', { name: 'Answer' }).click()
    await page.getByRole('region', { name: 'Call in progress' }).getByText('Connected').waitFor()

    // The offer reached Meta before the microphone had started ...
    const accept = rig.sim.graph.requests.find((request) => request.action === 'accept')
    expect(accept).toBeDefined()
    const startedAt = () => page.evaluate('window.__microphoneStartedAt') as Promise<unknown>
    await expect.poll(startedAt, { timeout: 5_000 }).toBeTypeOf('number')
    expect(accept!.at).toBeLessThan((await startedAt()) as number)
    // ... and is still what Meta wants: one sendrecv audio section, Opus (and the keypad's
    // telephone-event) only.
    const offer = parse((accept!.body as { session: { sdp: string } }).session.sdp)
    expect(offer.media).toHaveLength(1)
    expect(offer.media[0]).toMatchObject({ type: 'audio', direction: 'sendrecv' })
    const codecs = new Set(offer.media[0]!.rtp.map((rtp) => rtp.codec.toLowerCase()))
    expect([...codecs].sort()).toEqual(['opus', 'telephone-event'])

    // The microphone joined the running call (replaceTrack, no new offer): the caller hears it.
    const heard = await rig.sim
      .callerOf(callId)!
      .waitForAudio({ frequency: TONES.app.frequency, timeoutMs: 10_000 })
    expect(Math.abs((heard.frequency ?? 0) - TONES.app.frequency)).toBeLessThan(20)
    await expect
      .poll(async () => (await pageHearing(page)).energy, { timeout: 10_000 })
      .toBeGreaterThan(0)
    expect(Math.abs(((await pageHearing(page)).frequency ?? 0) - 440)).toBeLessThan(20)
    expect(rig.sim.graph.requests.filter((request) => request.action === 'accept')).toHaveLength(1)
  })

  it('ends the call on screen when the caller hangs up', async () => {
    await ready()
    const callId = await rig.sim.placeCall()
    await page.getByRole('button', { name: 'Answer' }).click()
    await page.getByRole('region', { name: 'Call in progress' }).getByText('Connected').waitFor()
    await rig.sim.hangUpAsCaller(callId)
    await page.getByText(/Call ended/).waitFor()
    await expect.poll(() => page.getByRole('region', { name: 'Call in progress' }).count()).toBe(0)
    expect(rig.core.registry.get(callId)).toMatchObject({
      outcome: 'completed',
      reason: 'caller-hung-up'
    })
    await expect.poll(async () => page.locator('[data-outcome="completed"]').count()).toBe(1)
  })

  it('declines: Meta is told and the toast goes away', async () => {
    await ready()
    const callId = await rig.sim.placeCall()
    await page.getByRole('button', { name: 'Decline' }).click()
    const ending = await rig.sim.whenEnded(callId)
    expect(ending.by).toBe('business')
    await expect.poll(() => toast().count()).toBe(0)
    expect(rig.core.registry.get(callId)).toMatchObject({ outcome: 'declined' })
    await page.getByText('Call declined.').waitFor()
  })

  it('shows a missed call when nobody answers before the deadline', async () => {
    await ready({ ringTimeoutMs: 2_000 })
    const callId = await rig.sim.placeCall()
    await expect.poll(() => toast().count()).toBe(1)
    await expect.poll(() => toast().count(), { timeout: 6_000 }).toBe(0)
    expect(rig.core.registry.get(callId)).toMatchObject({
      outcome: 'missed',
      reason: 'ring-timeout'
    })
    await page.getByText(/Missed call/).waitFor()
    await expect.poll(async () => page.locator('[data-outcome="missed"]').count()).toBe(1)
  })

  it('shows two calls at once; answering one leaves the other ringing', async () => {
    await ready()
    const first = await rig.sim.placeCall()
    const second = await rig.sim.placeCall({
      psid: 'psid-grace',
      audio: { mode: 'tone', frequency: 660 }
    })
    await expect.poll(() => toast().count()).toBe(2)
    await page.locator(`[data-call-id="${first}"]`).getByRole('button', { name: 'Answer' }).click()
    await page.getByRole('region', { name: 'Call in progress' }).getByText('Connected').waitFor()
    expect(rig.core.registry.get(second)?.state).toBe('ringing')
    await expect.poll(() => toast().count()).toBe(1)
    await expect(page.locator(`[data-call-id="${second}"]`).count()).resolves.toBe(1)
    await rig.sim.hangUpAsCaller(second)
    await expect.poll(() => toast().count()).toBe(0)
    expect(rig.core.registry.get(first)?.state).toBe('connected')
  })

  it('tells the user in words when Facebook refuses the answer', async () => {
    await ready()
    rig.sim.expireToken()
    const callId = await rig.sim.placeCall()
    await page.getByRole('button', { name: 'Answer' }).click()
    await page.getByRole('alert').filter({ hasText: 'Reconnect the Page' }).waitFor()
    expect(rig.core.registry.get(callId)).toMatchObject({
      outcome: 'failed',
      reason: 'accept-failed'
    })
  })

  it("says once, in a plain sentence, when Facebook's answer cannot be used, and ends the call", async () => {
    await ready()
    // Meta's answer arrives as an SDP Chromium cannot parse: its real exception, not a stand-in.
    await page.evaluate(`(() => {
      const apply = RTCPeerConnection.prototype.setRemoteDescription
      RTCPeerConnection.prototype.setRemoteDescription = function (description) {
        const mangled = description && description.type === 'answer'
        return apply.call(this, mangled ? { type: 'answer', sdp: 'v=0 not an answer' } : description)
      }
    })()`)
    const callId = await rig.sim.placeCall()
    await page.getByRole('button', { name: 'Answer' }).click()
    await expect
      .poll(() => rig.core.registry.get(callId))
      .toMatchObject({ outcome: 'failed', reason: 'media-failed' })
    await expect.poll(() => rig.sim.whenEnded(callId).then((ending) => ending.by)).toBe('business')
    expect(await page.getByRole('alert').locator('span').allTextContents()).toEqual([
      "Facebook's answer to this call could not be used, so the call was ended."
    ])
  })

  it('says "Answered by <desk>" in a second window when the first one answers', async () => {
    await ready({ deskName: 'Front desk' })
    const other = await openApp(browser, pageUrlOf(rig))
    await other.getByText('Page connected').waitFor()
    const callId = await rig.sim.placeCall()
    await expect.poll(() => other.getByRole('alertdialog').count()).toBe(1)
    await page.getByRole('button', { name: 'Answer' }).click()
    await other.getByText('Answered by Front desk').waitFor()
    expect(rig.core.registry.get(callId)).toMatchObject({ answeredByDesk: 'Front desk' })
    await expect.poll(() => other.getByRole('alertdialog').count()).toBe(0)
    await page.getByRole('region', { name: 'Call in progress' }).getByText('Connected').waitFor()
    await other.context().close()
  })

  it('shows "Reconnecting" when the media drops, and ends the call with a sentence 15 s later', async () => {
    await ready()
    const callId = await rig.sim.placeCall()
    await page.getByRole('button', { name: 'Answer' }).click()
    const inCall = page.getByRole('region', { name: 'Call in progress' })
    await inCall.getByText('Connected').waitFor()
    // The far end vanishes without a word (a network drop): Chromium's consent checks fail.
    await rig.sim.callerOf(callId)?.close()
    await inCall.getByText('Reconnecting…').waitFor({ timeout: 20_000 })
    expect(rig.core.registry.get(callId)?.state).toBe('connected')
    await screenshot(page, 'reconnecting')
    // Down for 15 s: the call ends with a sentence, and Meta is told.
    await page
      .getByRole('alert')
      .filter({ hasText: 'connection to the caller was lost' })
      .waitFor({ timeout: 25_000 })
    expect(rig.core.registry.get(callId)).toMatchObject({
      outcome: 'failed',
      reason: 'media-failed'
    })
    await expect.poll(() => rig.sim.whenEnded(callId).then((ending) => ending.by)).toBe('business')
  })
})
