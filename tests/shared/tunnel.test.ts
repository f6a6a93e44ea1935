import { describe, expect, it } from 'vitest'
import { describeRegistration, describeTunnel, insecureUrlWarning } from '../../src/shared/tunnel'

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
    expect(describeTunnel({ state: 'error', message: 'Fix the subdomain.' })).toBe(
      'Fix the subdomain.'
    )
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
  })
})
