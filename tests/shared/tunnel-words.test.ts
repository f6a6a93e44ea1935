/**
 * The tunnel's and the webhook's status lines as words say what the English lines say (main keeps
 * the English for the tray and the log; the windows word the same states in their language).
 */
import { describe, expect, it } from 'vitest'
import {
  describeRegistration,
  describeTunnel,
  registrationWords,
  tunnelWords,
  type RegistrationStatus,
  type TunnelStatus
} from '../../src/shared/tunnel'
import { englishWords } from '../../src/shared/words-english'

const TUNNELS: TunnelStatus[] = [
  { state: 'off' },
  { state: 'connecting', attempt: 1 },
  { state: 'connecting', attempt: 3 },
  { state: 'up', url: 'https://desk.example' },
  { state: 'reconnecting', attempt: 2, retryInMs: 4_000, lastError: 'dropped' }
]

const REGISTRATIONS: RegistrationStatus[] = [
  { state: 'not-needed', reason: 'no-public-url' },
  { state: 'not-needed', reason: 'not-configured' },
  { state: 'not-needed', reason: 'owned-elsewhere' },
  { state: 'registering', callbackUrl: 'https://desk.example/webhook', attempt: 1 },
  {
    state: 'registered',
    callbackUrl: 'https://desk.example/webhook',
    at: 1,
    handshakeConfirmed: true
  },
  {
    state: 'registered',
    callbackUrl: 'https://desk.example/webhook',
    at: 1,
    handshakeConfirmed: false
  }
]

describe('status lines as words', () => {
  it.each(TUNNELS)('say the tunnel as its English line ($state)', (status) => {
    const said = tunnelWords(status)
    expect(said).toBeDefined()
    expect(englishWords(said!)).toBe(describeTunnel(status))
  })

  it.each(REGISTRATIONS)('say the webhook as its English line ($state)', (status) => {
    const said = registrationWords(status)
    expect(said).toBeDefined()
    expect(englishWords(said!)).toBe(describeRegistration(status))
  })

  it('leave a warning made without words to its sentence', () => {
    const warned: TunnelStatus = {
      state: 'up',
      url: 'http://desk.example',
      warning: 'The tunnel gave an http address.'
    }
    expect(tunnelWords(warned)).toBeUndefined()
  })
})
