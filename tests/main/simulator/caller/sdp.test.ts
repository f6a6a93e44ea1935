import { describe, expect, it } from 'vitest'
import {
  InvalidOfferError,
  answerSetupFor,
  candidateAddresses,
  countCandidates,
  originVersion,
  readOffer,
  withOrigin,
  withSessionLevelIceLite,
  withSetup
} from '../../../../src/main/simulator/caller/sdp'

/** Shaped like Chromium's audio-only offer sent before gathering, as in Meta's sample. */
const chromiumOffer = [
  'v=0',
  'o=- 4611731400430051336 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'a=group:BUNDLE 0',
  'a=extmap-allow-mixed',
  'a=msid-semantic: WMS stream',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126',
  'c=IN IP4 0.0.0.0',
  'a=rtcp:9 IN IP4 0.0.0.0',
  'a=ice-ufrag:fRqH',
  'a=ice-pwd:0A7m6ZdvYgG0vbYQ9qnC3YXk',
  'a=ice-options:trickle',
  'a=fingerprint:sha-256 5C:1F:6E:0B:44:7A:9B:0E:1D:6C:63:90:22:58:E6:4E:93:47:4A:6B:8D:2F:37:71:55:D1:80:0E:C1:2A:46:E1',
  'a=setup:actpass',
  'a=mid:0',
  'a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level',
  'a=sendrecv',
  'a=msid:stream track',
  'a=rtcp-mux',
  'a=rtpmap:111 opus/48000/2',
  'a=rtcp-fb:111 transport-cc',
  'a=fmtp:111 minptime=10;useinbandfec=1',
  'a=rtpmap:63 red/48000/2',
  'a=rtpmap:9 G722/8000',
  'a=rtpmap:0 PCMU/8000',
  'a=rtpmap:8 PCMA/8000',
  'a=rtpmap:13 CN/8000',
  'a=rtpmap:110 telephone-event/48000',
  'a=rtpmap:126 telephone-event/8000',
  'a=ssrc:1001 cname:abc',
  ''
].join('\r\n')

const without = (sdp: string, pattern: RegExp): string =>
  sdp
    .split('\r\n')
    .filter((line) => !pattern.test(line))
    .join('\r\n')

describe('readOffer', () => {
  it("reads Chromium's candidate-less offer", () => {
    expect(readOffer(chromiumOffer)).toEqual({
      opusPayloadType: 111,
      setup: 'actpass',
      candidates: 0,
      telephoneEvents: [110, 126]
    })
  })

  it('reads no keypad payload types from an offer without telephone-event', () => {
    expect(readOffer(without(chromiumOffer, /telephone-event/)).telephoneEvents).toEqual([])
  })

  it('counts candidates in a gathered offer', () => {
    const gathered = chromiumOffer.replace(
      'a=rtcp:9 IN IP4 0.0.0.0',
      'a=rtcp:9 IN IP4 0.0.0.0\r\na=candidate:1 1 udp 2122260223 192.0.2.2 50000 typ host\r\n' +
        'a=candidate:2 1 tcp 1518280447 192.0.2.2 9 typ host tcptype active'
    )
    expect(readOffer(gathered).candidates).toBe(2)
    expect(candidateAddresses(gathered)).toEqual(['192.0.2.2', '192.0.2.2'])
  })

  it.each([
    ['not SDP', 'hello'],
    ['no Opus', without(chromiumOffer, /^a=rtpmap:111/)],
    ['no ICE credentials', without(chromiumOffer, /^a=ice-ufrag/)],
    ['no fingerprint', without(chromiumOffer, /^a=fingerprint/)],
    ['video besides audio', `${chromiumOffer}m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:1\r\n`],
    ['video only', chromiumOffer.replace('m=audio', 'm=video')]
  ])('refuses an offer with %s', (_, offer) => {
    expect(() => readOffer(offer)).toThrow(InvalidOfferError)
  })
})

describe('answerSetupFor', () => {
  it('answers passive like Meta, unless the offer itself insists on passive', () => {
    expect(answerSetupFor('actpass')).toBe('passive')
    expect(answerSetupFor('active')).toBe('passive')
    expect(answerSetupFor(undefined)).toBe('passive')
    expect(answerSetupFor('passive')).toBe('active')
  })
})

describe('rewrites', () => {
  const weriftLike = [
    'v=0',
    'o=- 123 0 IN IP4 0.0.0.0',
    's=-',
    't=0 0',
    'a=group:BUNDLE 0',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111',
    'a=ice-ufrag:abcd',
    'a=ice-lite',
    'a=setup:active',
    'a=mid:0',
    ''
  ].join('\r\n')

  it('moves ice-lite to session level, once', () => {
    const moved = withSessionLevelIceLite(withSessionLevelIceLite(weriftLike))
    const lines = moved.split('\r\n')
    expect(lines.filter((line) => line === 'a=ice-lite')).toHaveLength(1)
    expect(lines.indexOf('a=ice-lite')).toBe(lines.indexOf('t=0 0') + 1)
    expect(moved.endsWith('\r\n')).toBe(true)
  })

  it('sets the DTLS role', () => {
    expect(withSetup(weriftLike, 'passive')).toContain('\r\na=setup:passive\r\n')
    expect(withSetup(weriftLike, 'passive')).not.toContain('a=setup:active')
  })

  it('keeps one session origin with the given version', () => {
    const rewritten = withOrigin(weriftLike, '987654321', 3)
    expect(rewritten).toContain('\r\no=- 987654321 3 IN IP4 127.0.0.1\r\n')
    expect(originVersion(rewritten)).toBe(3)
    expect(countCandidates(rewritten)).toBe(0)
  })
})
