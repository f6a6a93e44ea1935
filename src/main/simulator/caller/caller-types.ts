/** The simulated caller's public shapes: its states, its measurements and its options. */
import type { Logger } from '../../core/log'
import type { HeardStats } from './heard-media'
import type { CallerAudio } from './outgoing-audio'

export type CallerState = 'new' | 'connecting' | 'connected' | 'disconnected' | 'failed' | 'closed'

export interface CallerStats extends HeardStats {
  state: CallerState
  connected: boolean
  packetsSent: number
  /** Where the app's media comes from (`host:port`), learned from its connectivity checks. */
  appAddress?: string | undefined
}

export interface SimulatedCallerOptions {
  /** What the caller says; a 440 Hz tone by default. */
  audio?: CallerAudio
  /**
   * 'on-connect' (default): talks as soon as the media is up. 'when-told': silent until
   * `startTalking()`, as a customer whose phone still rings for a call from the business.
   */
  talk?: 'on-connect' | 'when-told'
  logger?: Logger
  /** The one host candidate the answer advertises (Meta: one public address). */
  hostAddress?: string
  /** `failed` if the app has not connected this long after the answer. */
  connectTimeoutMs?: number
  /**
   * `disconnected` after this long without a packet from an app that was sending. An ICE-lite
   * agent never learns that its peer went away, and werift does not either: silence is the sign.
   */
  mediaTimeoutMs?: number
}

export interface CallerAnswer {
  /** The SDP answer to the app's offer (Graph's `sdp_response`). */
  answer: string
  /** The caller's own offer that follows (Graph's `sdp_renegotiation`); never answered back. */
  renegotiation: string
}

export interface WaitForAudioOptions {
  minPackets?: number
  timeoutMs?: number
  /** Also wait until the dominant frequency heard is this one, within `toleranceHz`. */
  frequency?: number
  toleranceHz?: number
}
