/**
 * The tunnel's and the webhook's status lines: words from the one catalogue (main says them in
 * English, each window in its own language), or a sentence made elsewhere without words.
 */
import { describe, expect, it } from 'vitest'
import {
  insecureUrlWarning,
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

describe('insecureUrlWarning', () => {
  it('warns in words about a public http address, saying what to change', () => {
    expect(insecureUrlWarning('http://desk.lt.example', 'tunnel')).toBe(
      'The tunnel gave an http address (http://desk.lt.example), but Facebook only calls https addresses: calls cannot arrive. Choose a tunnel server that gives https addresses.'
    )
    expect(insecureUrlWarning('HTTP://calls.example.com', 'own-url')).toMatch(
      /^The public address HTTP:\/\/calls\.example\.com is http, .+ Enter an https address\.$/
    )
  })

  it('says nothing about https, nor about a loopback test rig', () => {
    expect(insecureUrlWarning('https://desk.lt.example', 'tunnel')).toBeUndefined()
    for (const url of ['http://127.0.0.1:4000/ab', 'http://localhost/x', 'http://[::1]:80']) {
      expect(insecureUrlWarning(url, 'tunnel')).toBeUndefined()
    }
    // Only the host decides, not a look-alike.
    expect(insecureUrlWarning('http://127.0.0.1.evil.example', 'tunnel')).toBeDefined()
    expect(insecureUrlWarning('http://localhost.example', 'tunnel')).toBeDefined()
  })

  it('is what the tunnel line says of an up tunnel that carries one, as made', () => {
    const warned: TunnelStatus = { state: 'up', url: 'http://a.example', warning: 'Use https.' }
    expect(tunnelLine(warned)).toBe('Use https.')
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
