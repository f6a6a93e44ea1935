/**
 * The keypad needs telephone-event in Meta's answer: without it Chromium's RTCDTMFSender cannot
 * send a digit. The simulated caller must keep the offer's payload types for it.
 */
import { afterEach, expect, it } from 'vitest'
import { RTCPeerConnection, RTCRtpCodecParameters, useOPUS } from 'werift'
import { SimulatedCaller } from '../../../../src/main/simulator/caller'

const open: { close(): Promise<unknown> }[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((peer) => peer.close()))
})

/** An offer with Chromium's payload types: Opus 111, telephone-event 110 (48 kHz) and 126 (8 kHz). */
async function appOffer(): Promise<string> {
  const pc = new RTCPeerConnection({
    codecs: {
      audio: [
        useOPUS({ payloadType: 111 }),
        new RTCRtpCodecParameters({
          mimeType: 'audio/telephone-event',
          clockRate: 48000,
          payloadType: 110
        }),
        new RTCRtpCodecParameters({
          mimeType: 'audio/telephone-event',
          clockRate: 8000,
          payloadType: 126
        })
      ]
    },
    iceServers: [],
    iceUseIpv6: false,
    iceAdditionalHostAddresses: ['127.0.0.1']
  })
  open.push(pc)
  pc.addTransceiver('audio', { direction: 'sendrecv' })
  const offer = await pc.createOffer()
  return offer.sdp
}

it('answers with Opus and the offer’s telephone-event payload types, nothing else', async () => {
  const caller = new SimulatedCaller()
  open.push(caller)
  const { answer } = await caller.answerOffer(await appOffer())
  const mline = answer.split('\r\n').find((line) => line.startsWith('m=audio'))
  expect(mline?.split(' ').slice(3)).toEqual(['111', '110', '126'])
  expect(answer).toContain('a=rtpmap:110 telephone-event/48000')
  expect(answer).toContain('a=rtpmap:126 telephone-event/8000')
  expect(caller.stats().digits).toBe('')
})
