/**
 * The few SDP facts and rewrites the simulated caller needs: reading the app's offer the way
 * Meta's media server would (reject what it cannot serve), and making werift's descriptions look
 * like Meta's (ICE-lite at session level, DTLS passive, one session origin across renegotiations).
 * Line-based on purpose: werift re-serialising through a parser would change more than we mean to.
 */

export type DtlsSetup = 'actpass' | 'active' | 'passive'

/** The app's offer is not one Meta could answer: Graph's "invalid connection info". */
export class InvalidOfferError extends Error {
  override readonly name = 'InvalidOfferError'
}

export interface OfferFacts {
  /** The payload type the app gave Opus; the answer must reuse it. */
  opusPayloadType: number
  setup: DtlsSetup | undefined
  /** How many ICE candidates the offer carries: 0 for Meta's sample (trickle, nothing gathered). */
  candidates: number
  /** The keypad's payload types (RFC 4733 telephone-event), one per clock rate offered. */
  telephoneEvents: number[]
}

const lines = (sdp: string): string[] => sdp.split(/\r?\n/).filter((line) => line.length > 0)
const join = (sdpLines: string[]): string => `${sdpLines.join('\r\n')}\r\n`

export function readOffer(sdp: string): OfferFacts {
  const all = lines(sdp)
  if (!all[0]?.startsWith('v=0')) throw new InvalidOfferError('The offer is not an SDP description')
  const media = all.filter((line) => line.startsWith('m='))
  if (media.length !== 1 || !media[0]?.startsWith('m=audio ')) {
    throw new InvalidOfferError('The offer must carry exactly one audio m-line and nothing else')
  }
  const opus = all
    .map((line) => /^a=rtpmap:(\d+) opus\/48000/i.exec(line))
    .find((match) => match !== null)
  if (!opus?.[1]) throw new InvalidOfferError('The offer does not offer Opus')
  if (!all.some((line) => line.startsWith('a=ice-ufrag:'))) {
    throw new InvalidOfferError('The offer has no ICE credentials')
  }
  if (!all.some((line) => line.startsWith('a=fingerprint:'))) {
    throw new InvalidOfferError('The offer has no DTLS fingerprint')
  }
  const setup = all.find((line) => line.startsWith('a=setup:'))?.slice('a=setup:'.length)
  return {
    opusPayloadType: Number(opus[1]),
    setup: setup === 'actpass' || setup === 'active' || setup === 'passive' ? setup : undefined,
    candidates: countCandidates(sdp),
    telephoneEvents: telephoneEventPayloadTypes(sdp)
  }
}

/** The payload types of `telephone-event` in an SDP; the answer keeps them for the keypad. */
export function telephoneEventPayloadTypes(sdp: string): number[] {
  return lines(sdp)
    .map((line) => /^a=rtpmap:(\d+) telephone-event\/\d+/i.exec(line))
    .filter((match) => match !== null)
    .map((match) => Number(match[1]))
}

/** Meta answers passive (the app is the DTLS client); only an offer that insists on passive flips it. */
export function answerSetupFor(offerSetup: DtlsSetup | undefined): Exclude<DtlsSetup, 'actpass'> {
  return offerSetup === 'passive' ? 'active' : 'passive'
}

export function withSetup(sdp: string, setup: DtlsSetup): string {
  return join(lines(sdp).map((line) => (line.startsWith('a=setup:') ? `a=setup:${setup}` : line)))
}

/**
 * RFC 8839 puts `a=ice-lite` at session level, where Meta has it; werift writes it per m-line,
 * which a strict parser (Chromium's among them) does not read as ICE-lite.
 */
export function withSessionLevelIceLite(sdp: string): string {
  const kept = lines(sdp).filter((line) => line !== 'a=ice-lite')
  const timing = kept.findIndex((line) => line.startsWith('t='))
  kept.splice(timing + 1, 0, 'a=ice-lite')
  return join(kept)
}

/**
 * One session across the answer and every later offer: same session id, growing version
 * (RFC 3264 section 8). werift invents a new origin for each description.
 */
export function withOrigin(sdp: string, sessionId: string, version: number): string {
  return join(
    lines(sdp).map((line) =>
      line.startsWith('o=') ? `o=- ${sessionId} ${version} IN IP4 127.0.0.1` : line
    )
  )
}

export function countCandidates(sdp: string): number {
  return lines(sdp).filter((line) => line.startsWith('a=candidate:')).length
}

/** The connection addresses of the description's candidates, e.g. ['127.0.0.1']. */
export function candidateAddresses(sdp: string): string[] {
  return lines(sdp)
    .filter((line) => line.startsWith('a=candidate:'))
    .map((line) => line.split(' ')[4] ?? '')
}

export function originVersion(sdp: string): number | undefined {
  const origin = lines(sdp).find((line) => line.startsWith('o='))
  const version = origin?.split(' ')[2]
  return version === undefined ? undefined : Number(version)
}
