/**
 * What `npm run bench:answer` runs inside the page. Passed as text: tsx names inner functions with
 * a helper the page does not have. Every figure is taken in the page's own clock
 * (performance.now), from events where the browser has one and from a fast getStats poll for the
 * first audio packet, so the harness's own round trips never enter them.
 */

/**
 * A microphone that takes `ms` to start, as a real one does (100-300 ms, a Bluetooth headset
 * longer): getUserMedia resolves no sooner than `ms` after it was called. Chromium's fake device
 * itself starts at once.
 */
export const slowMicrophone = (ms: number): string => `(() => {
  const devices = navigator.mediaDevices
  const open = devices.getUserMedia.bind(devices)
  devices.getUserMedia = (constraints) => Promise.all([
    open(constraints),
    new Promise((resolve) => setTimeout(resolve, ${ms}))
  ]).then(([stream]) => stream)
})()`

/**
 * Stamps every peer connection (already kept in window.__peerConnections) with the page time its
 * ICE, its DTLS transport and the connection as a whole first came up, from their own events.
 */
export const STAMP_CONNECTIONS = `(() => {
  const Recorded = window.RTCPeerConnection
  window.RTCPeerConnection = class extends Recorded {
    constructor(...args) {
      super(...args)
      const stamps = (this.__stamps = {})
      const watchDtls = () => {
        for (const sender of this.getSenders()) {
          const dtls = sender.transport
          if (!dtls || dtls.__watched) continue
          dtls.__watched = true
          dtls.addEventListener('statechange', () => {
            if (dtls.state === 'connected') stamps.dtlsConnected ??= performance.now()
          })
        }
      }
      this.addEventListener('signalingstatechange', watchDtls)
      this.addEventListener('iceconnectionstatechange', () => {
        if (this.iceConnectionState === 'connected') stamps.iceConnected ??= performance.now()
      })
      this.addEventListener('connectionstatechange', () => {
        if (this.connectionState === 'connected') stamps.connected ??= performance.now()
      })
    }
  }
})()`

/** Watches for the toast of a call inside the page; resolves with its epoch time (ms). */
export const TOAST_SEEN_AT = `(id) => new Promise((resolve) => {
  const selector = '[role="alertdialog"][data-call-id="' + id + '"]'
  const check = () => {
    if (!document.querySelector(selector)) return false
    resolve(performance.timeOrigin + performance.now())
    return true
  }
  if (check()) return
  const observer = new MutationObserver(() => { if (check()) observer.disconnect() })
  observer.observe(document.body, { childList: true, subtree: true })
})`

/** The prepared answer's connection has its offer (made while ringing), microphone and all. */
export const PREPARED = `(withMicrophone) => window.__peerConnections.some((pc) =>
  pc.signalingState === 'have-local-offer' &&
  (!withMicrophone || pc.getSenders().some((sender) => sender.track)))`

export interface AnswerTimes {
  /** The click, epoch ms (to compare with the simulator's clock). */
  clickAt: number
  /** Each step in ms after the click; undefined when the page never saw it. */
  steps: {
    acceptSent?: number
    acceptAnswered?: number
    answerApplied?: number
    iceConnected?: number
    dtlsConnected?: number
    firstAudio: number
  }
}

/**
 * Clicks Answer on a call and times, inside the page, the steps up to the first RTP packet from
 * the caller: the app's own User Timing marks (src/renderer/src/media/answer-steps.ts), the
 * connection's events, and getStats polled every 2 ms once the connection is up (no packet can
 * come before: SRTP needs DTLS's keys).
 */
export const CLICK_TO_FIRST_AUDIO = `(id) => new Promise((resolve, reject) => {
  const button = document.querySelector(
    '[role="alertdialog"][data-call-id="' + id + '"] button[aria-keyshortcuts="Enter"]')
  if (!button) return reject(new Error('no Answer button'))
  const start = performance.now()
  button.click()
  const since = (at) => (at === undefined || at < start ? undefined : at - start)
  const mark = (step) => since(performance.getEntriesByName('answer:' + step, 'mark').at(-1)?.startTime)
  let polling = false
  const poll = setInterval(async () => {
    if (polling) return
    if (performance.now() - start > 10000) {
      clearInterval(poll)
      return reject(new Error('no audio within 10 s'))
    }
    polling = true
    try {
      for (const pc of window.__peerConnections) {
        if (pc.connectionState !== 'connected') continue
        let heard = false
        ;(await pc.getStats()).forEach((report) => {
          if (report.type === 'inbound-rtp' && report.kind === 'audio' && report.packetsReceived > 0)
            heard = true
        })
        if (!heard) continue
        const firstAudio = performance.now() - start
        clearInterval(poll)
        const stamps = pc.__stamps ?? {}
        resolve({
          clickAt: performance.timeOrigin + start,
          steps: {
            acceptSent: mark('accept-sent'),
            acceptAnswered: mark('accept-answered'),
            answerApplied: mark('answer-applied'),
            iceConnected: since(stamps.iceConnected),
            dtlsConnected: since(stamps.dtlsConnected ?? stamps.connected),
            firstAudio
          }
        })
        return
      }
    } finally {
      polling = false
    }
  }, 2)
})`
