/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), with fake media
 * devices: the microphone plays a known tone file, and the permission prompt is either accepted
 * (the usual case) or refused (the "microphone blocked" case). CHROMIUM_PATH names another Chromium
 * or Chrome: the GitHub workflow sets it to the runner's Chrome (Ubuntu 24.04's apt chromium is a
 * snap stub there).
 */
import { chromium, type Browser, type Page } from 'playwright-core'

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

export interface LaunchOptions {
  toneFile: string
  /** Refuse the microphone as a user or the system would. */
  blockMicrophone?: boolean
}

export function launchChromium(options: LaunchOptions): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      // This machine has no internet: without these Chromium keeps dialling out and failing.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${options.toneFile}`,
      '--autoplay-policy=no-user-gesture-required',
      options.blockMicrophone ? '--deny-permission-prompts' : '--use-fake-ui-for-media-stream'
    ]
  })
}

/**
 * Keeps every RTCPeerConnection the page makes reachable from the test, so it can read getStats()
 * and listen to the received audio. The app itself is not changed in any way.
 */
export const RECORD_PEER_CONNECTIONS = `
  (() => {
    const Native = window.RTCPeerConnection
    window.__peerConnections = []
    window.RTCPeerConnection = class extends Native {
      constructor(...args) {
        super(...args)
        window.__peerConnections.push(this)
      }
    }
  })()
`

export interface OpenAppOptions {
  /**
   * The page's microphone permission is 'granted' before it loads, as on a desk that has answered
   * before (without it, the fake UI allows each getUserMedia while the permission reads 'prompt').
   */
  grantMicrophone?: boolean
  /** Run in the page before the app, after the peer connections are recorded. */
  initScripts?: string[]
}

export async function openApp(
  browser: Browser,
  pageUrl: string,
  options: OpenAppOptions = {}
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 560, height: 760 } })
  if (options.grantMicrophone) {
    await context.grantPermissions(['microphone'], { origin: new URL(pageUrl).origin })
  }
  const page = await context.newPage()
  await page.addInitScript(RECORD_PEER_CONNECTIONS)
  for (const script of options.initScripts ?? []) await page.addInitScript(script)
  const url = new URL(pageUrl)
  url.searchParams.set('audioProcessing', 'off')
  await page.goto(url.toString())
  return page
}

export interface Hearing {
  /** Cumulative inbound audio energy (grows only while sound plays). */
  energy: number
  packetsReceived: number
  /** Dominant frequency of what the page receives, Hz, or null in silence. */
  frequency: number | null
}

/**
 * What the page's newest connected peer connection receives, measured inside the page. Passed as
 * text: it runs in the browser (no Node types) and must not carry the test runner's helpers.
 */
const HEARING = `(async () => {
  const pcs = window.__peerConnections
  const pc = [...pcs].reverse().find((p) => p.connectionState === 'connected')
  if (!pc) return { energy: 0, packetsReceived: 0, frequency: null }
  let energy = 0
  let packetsReceived = 0
  ;(await pc.getStats()).forEach((report) => {
    if (report.type === 'inbound-rtp' && report.kind === 'audio') {
      energy = Number(report.totalAudioEnergy ?? 0)
      packetsReceived = Number(report.packetsReceived ?? 0)
    }
  })
  const receiver = pc.getReceivers().find((r) => r.track.kind === 'audio')
  let frequency = null
  if (receiver) {
    const context = new AudioContext()
    const analyser = context.createAnalyser()
    analyser.fftSize = 8192
    context.createMediaStreamSource(new MediaStream([receiver.track])).connect(analyser)
    await new Promise((resolve) => setTimeout(resolve, 400))
    const bins = new Float32Array(analyser.frequencyBinCount)
    analyser.getFloatFrequencyData(bins)
    let peak = 1
    for (let i = 1; i < bins.length; i++) if (bins[i] > bins[peak]) peak = i
    if (bins[peak] > -70) frequency = (peak * context.sampleRate) / analyser.fftSize
    await context.close()
  }
  return { energy, packetsReceived, frequency }
})()`

export function pageHearing(page: Page): Promise<Hearing> {
  return page.evaluate(HEARING) as Promise<Hearing>
}
