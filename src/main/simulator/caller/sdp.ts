/**
 * The few SDP facts and rewrites the simulated caller needs: reading the app's offer the way
 * Meta's media server would (reject what it cannot serve), and making werift's descriptions look
 * like Meta's (ICE-lite at session level, DTLS passive, one session origin across renegotiations).
 * Parsed and written with sdp-transform, which keeps every attribute it does not touch.
 */
import { parse, write, type MediaDescription, type SessionDescription } from 'sdp-transform'

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

type Media = MediaDescription & { setup?: string }

const media = (session: SessionDescription): Media[] => session.media as Media[]

/** Session-level attributes may also sit on the m-line (ICE credentials, fingerprint, setup). */
const either = <K extends keyof Media & keyof SessionDescription>(
  session: SessionDescription,
  line: Media | undefined,
  key: K
): unknown => line?.[key] ?? session[key]

const payloadTypesOf = (line: Media | undefined, codec: RegExp): number[] =>
  (line?.rtp ?? []).filter((rtp) => codec.test(rtp.codec)).map((rtp) => rtp.payload)

export function readOffer(sdp: string): OfferFacts {
  if (!sdp.startsWith('v=0')) throw new InvalidOfferError('The offer is not an SDP description')
  const session = parse(sdp)
  const lines = media(session)
  const audio = lines[0]
  if (lines.length !== 1 || audio?.type !== 'audio') {
    throw new InvalidOfferError('The offer must carry exactly one audio m-line and nothing else')
  }
  const opus = audio.rtp.find((rtp) => /^opus$/i.test(rtp.codec) && rtp.rate === 48000)
  if (!opus) throw new InvalidOfferError('The offer does not offer Opus')
  if (!either(session, audio, 'iceUfrag')) {
    throw new InvalidOfferError('The offer has no ICE credentials')
  }
  if (!either(session, audio, 'fingerprint')) {
    throw new InvalidOfferError('The offer has no DTLS fingerprint')
  }
  const setup = audio.setup ?? (session as { setup?: string }).setup
  return {
    opusPayloadType: opus.payload,
    setup: setup === 'actpass' || setup === 'active' || setup === 'passive' ? setup : undefined,
    candidates: audio.candidates?.length ?? 0,
    telephoneEvents: payloadTypesOf(audio, /^telephone-event$/i)
  }
}

/** The payload types of `telephone-event` in an SDP; the answer keeps them for the keypad. */
export function telephoneEventPayloadTypes(sdp: string): number[] {
  return media(parse(sdp)).flatMap((line) => payloadTypesOf(line, /^telephone-event$/i))
}

/** Meta answers passive (the app is the DTLS client); only an offer that insists on passive flips it. */
export function answerSetupFor(offerSetup: DtlsSetup | undefined): Exclude<DtlsSetup, 'actpass'> {
  return offerSetup === 'passive' ? 'active' : 'passive'
}

function rewrite(sdp: string, change: (session: SessionDescription) => void): string {
  const session = parse(sdp)
  change(session)
  return write(session)
}

export function withSetup(sdp: string, setup: DtlsSetup): string {
  return rewrite(sdp, (session) => {
    for (const line of media(session)) if (line.setup !== undefined) line.setup = setup
  })
}

/**
 * RFC 8839 puts `a=ice-lite` at session level, where Meta has it; werift writes it per m-line,
 * which a strict parser (Chromium's among them) does not read as ICE-lite.
 */
export function withSessionLevelIceLite(sdp: string): string {
  return rewrite(sdp, (session) => {
    session.icelite = 'ice-lite'
    for (const line of media(session)) delete (line as { icelite?: string }).icelite
  })
}

/**
 * One session across the answer and every later offer: same session id, growing version
 * (RFC 3264 section 8). werift invents a new origin for each description.
 */
export function withOrigin(sdp: string, sessionId: string, version: number): string {
  return rewrite(sdp, (session) => {
    session.origin = {
      username: '-',
      sessionId,
      sessionVersion: version,
      netType: 'IN',
      ipVer: 4,
      address: '127.0.0.1'
    }
  })
}

const candidatesOf = (sdp: string): { ip: string }[] =>
  media(parse(sdp)).flatMap((line) => line.candidates ?? [])

export function countCandidates(sdp: string): number {
  return candidatesOf(sdp).length
}

/** The connection addresses of the description's candidates, e.g. ['127.0.0.1']. */
export function candidateAddresses(sdp: string): string[] {
  return candidatesOf(sdp).map((candidate) => candidate.ip)
}

export function originVersion(sdp: string): number | undefined {
  const version = parse(sdp).origin?.sessionVersion
  return version === undefined ? undefined : Number(version)
}
