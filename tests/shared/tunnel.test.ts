/**
 * The tunnel's and the webhook's status lines: words from the one catalogue (main says them in
 * English, each window in its own language), or a sentence made elsewhere without words.
 */
import { describe, expect, it } from 'vitest'
import {
  registrationLine,
  tunnelLine,
  type RegistrationStatus,
  type TunnelStatus
} from '../../src/shared/tunnel'
import { englishLine } from '../../src/shared/words-english'

const describeTunnel = (status: TunnelStatus): string => englishLine(tunnelLine(status))
const describeRegistration = (status: RegistrationStatus): string =>
  englishLine(registrationLine(status))

describe('describeTunnel', () => {
  it('says each state in a short line', () => {
    expect(describeTunnel({ state: 'off' })).toBe('Not reachable from Facebook (no tunnel)')
    expect(describeTunnel({ state: 'connecting', attempt: 1 })).toBe('Connecting')
    expect(describeTunnel({ state: 'connecting', attempt: 3 })).toBe('Connecting (attempt 3)')
    expect(describeTunnel({ state: 'up', url: 'https://a.example' })).toBe(
      'Reachable at https://a.example'
    )
    expect(
      describeTunnel({
        state: 'reconnecting',
        attempt: 2,
        retryInMs: 1500,
        lastError: 'The tunnel server is busy.'
      })
    ).toBe('Reconnecting in 2 s: The tunnel server is busy.')
    expect(tunnelLine({ state: 'error', message: 'Fix the subdomain.' })).toBe('Fix the subdomain.')
  })

  it('is words, for each window to say in its own language', () => {
    expect(tunnelLine({ state: 'connecting', attempt: 3 })).toEqual({
      key: 'status.tunnelConnectingAttempt',
      params: { attempt: 3 }
    })
  })
})

describe('an up tunnel with a warning', () => {
  it('is what describeTunnel says of an up tunnel that carries one', () => {
    expect(describeTunnel({ state: 'up', url: 'http://a.example', warning: 'Use https.' })).toBe(
      'Use https.'
    )
  })
})

describe('describeRegistration', () => {
  it('says each state in a short line', () => {
    expect(describeRegistration({ state: 'not-needed', reason: 'not-configured' })).toMatch(
      /connect a Page/
    )
    expect(describeRegistration({ state: 'not-needed', reason: 'no-public-url' })).toMatch(
      /waiting for a public address/
    )
    expect(
      describeRegistration({ state: 'registering', callbackUrl: 'https://a/webhook', attempt: 1 })
    ).toBe('Registering the webhook with Facebook')
    const registered = { state: 'registered', callbackUrl: 'https://a/webhook', at: 1 } as const
    expect(describeRegistration({ ...registered, handshakeConfirmed: true })).toBe(
      'Webhook registered with Facebook'
    )
    expect(describeRegistration({ ...registered, handshakeConfirmed: false })).toMatch(
      /not seen arriving here/
    )
    expect(
      describeRegistration({
        state: 'failed',
        callbackUrl: 'https://a/webhook',
        message: 'Facebook refused the request.',
        retryInMs: null
      })
    ).toBe('Facebook refused the request.')
    expect(
      registrationLine({ state: 'registering', callbackUrl: 'https://a', attempt: 1 })
    ).toEqual({ key: 'status.registering' })
  })
})
