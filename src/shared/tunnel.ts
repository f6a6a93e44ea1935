/**
 * How the app is reachable from Meta, as every UI (window, tray, browser mode) shows it: the tunnel
 * that gives the local webhook listener a public URL, and the registration of that URL with Meta.
 * Plain data: the core produces it, UIs switch over it exhaustively.
 */
import { words, type Words } from './words'

export type TunnelStatus =
  /** No tunnel: none is configured, or it was stopped. */
  | { state: 'off' }
  /** Opening a tunnel; `attempt` counts from 1 since the last time it was up. */
  | { state: 'connecting'; attempt: number }
  /**
   * The app is reachable at `url` (the webhook path is appended to it). `warning`, a sentence for
   * the owner (in English; `warningWords` is it for each window to say in its own language), says
   * why Meta may still not deliver there (an http address).
   */
  | {
      state: 'up'
      url: string
      warning?: string | undefined
      warningWords?: Words | undefined
    }
  /** The last attempt failed or the tunnel dropped; the next attempt starts in `retryInMs`. */
  | { state: 'reconnecting'; attempt: number; retryInMs: number; lastError: string }
  /** Retrying would not help until the settings change; `message` (and `words`) say what to do. */
  | { state: 'error'; message: string; words?: Words | undefined }

export type RegistrationStatus =
  /**
   * Nothing to register: no public URL yet, or the Page and app are not set up, or Meta's callback
   * belongs to another desk or server (`owned-elsewhere`: this desk does not overwrite it unasked;
   * CoreStatus.webhookOwner says who it is).
   */
  | { state: 'not-needed'; reason: 'no-public-url' | 'not-configured' | 'owned-elsewhere' }
  | { state: 'registering'; callbackUrl: string; attempt: number }
  /**
   * Meta accepted `callbackUrl`. `handshakeConfirmed` says that a verification handshake was seen
   * arriving at this app through the public URL, so deliveries to it really land here.
   */
  | { state: 'registered'; callbackUrl: string; at: number; handshakeConfirmed: boolean }
  /**
   * `message` is a sentence for the owner (in English; `words` is it for each window to say in
   * its own language); `retryInMs` is null when no retry is planned.
   */
  | {
      state: 'failed'
      callbackUrl: string
      message: string
      words?: Words | undefined
      retryInMs: number | null
    }

export const TUNNEL_OFF: TunnelStatus = { state: 'off' }
export const REGISTRATION_IDLE: RegistrationStatus = {
  state: 'not-needed',
  reason: 'no-public-url'
}
export const OWNED_ELSEWHERE: RegistrationStatus = {
  state: 'not-needed',
  reason: 'owned-elsewhere'
}

/**
 * One short line for a tray tooltip or a status bar: its words, else the sentence as it was made.
 * English only from the catalogue: main says it with words-english.ts, each window in its own
 * language.
 */
export function tunnelLine(status: TunnelStatus): Words | string {
  const said = tunnelWords(status)
  if (said) return said
  if (status.state === 'up') return status.warning ?? ''
  return status.state === 'error' ? status.message : ''
}

export function registrationLine(status: RegistrationStatus): Words | string {
  return registrationWords(status) ?? (status.state === 'failed' ? status.message : '')
}

/**
 * tunnelLine's words, for each window to say in its own language; undefined where the line is a
 * sentence made elsewhere without words.
 */
export function tunnelWords(status: TunnelStatus): Words | undefined {
  switch (status.state) {
    case 'off':
      return words('status.tunnelOff')
    case 'connecting':
      return status.attempt > 1
        ? words('status.tunnelConnectingAttempt', { attempt: status.attempt })
        : words('status.tunnelConnecting')
    case 'up':
      return status.warning ? status.warningWords : words('status.tunnelUp', { url: status.url })
    case 'reconnecting':
      return words('status.tunnelReconnecting', {
        seconds: Math.ceil(status.retryInMs / 1000),
        error: status.lastError
      })
    case 'error':
      return status.words
  }
}

/** registrationLine's words (undefined for a failure Graph gave no words for). */
export function registrationWords(status: RegistrationStatus): Words | undefined {
  switch (status.state) {
    case 'not-needed':
      return words(`status.notRegistered.${REASON_KEYS[status.reason]}`)
    case 'registering':
      return words('status.registering')
    case 'registered':
      return words(status.handshakeConfirmed ? 'status.registered' : 'status.registeredUnseen')
    case 'failed':
      return status.words
  }
}

const REASON_KEYS = {
  'not-configured': 'notConfigured',
  'owned-elsewhere': 'ownedElsewhere',
  'no-public-url': 'noPublicUrl'
} as const satisfies Record<Extract<RegistrationStatus, { state: 'not-needed' }>['reason'], string>
