import { describe, expect, it } from 'vitest'
import { PairingCodeError } from '../../../../src/main/core/seat-link/pairing-code'
import {
  localRefusalOf,
  refusalOf,
  REMOVED_SENTENCE
} from '../../../../src/main/core/seat-link/seat-refusals'

describe('which answers a seat does not retry', () => {
  it('stops on what no retry heals', () => {
    expect(refusalOf('This desk is not paired with this hub')).toBe(REMOVED_SENTENCE)
    expect(refusalOf('This desk was removed from the hub')).toBe(REMOVED_SENTENCE)
    expect(
      refusalOf('The pairing code was refused: it expired, was used already, or was mistyped')
    ).toMatch(/^The pairing code was refused/)
    expect(
      refusalOf(
        'The connection closed during the handshake (This hub speaks seat link version 3 and the seat 2: update the seat)'
      )
    ).toBe('This desk is older than its hub: update this desk to connect')
    expect(localRefusalOf(new PairingCodeError('This is not a pairing code'))).toBe(
      'This is not a pairing code'
    )
  })

  it('retries what heals with time', () => {
    expect(refusalOf('Too many pairing attempts: wait a minute and try again')).toBeUndefined()
    expect(refusalOf('The hub is stopping')).toBeUndefined()
    expect(refusalOf('The secure handshake took too long')).toBeUndefined()
    expect(refusalOf('')).toBeUndefined()
    expect(localRefusalOf(new Error('ECONNREFUSED'))).toBeUndefined()
  })
})
