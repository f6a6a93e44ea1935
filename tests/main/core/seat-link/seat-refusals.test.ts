import { describe, expect, it } from 'vitest'
import { PairingCodeError } from '../../../../src/main/core/seat-link/pairing-code'
import {
  localRefusalOf,
  REMOVED_SENTENCE,
  sealedRefusalOf,
  slowRefusalOf
} from '../../../../src/main/core/seat-link/seat-refusals'

describe('which answers a seat does not retry', () => {
  it('stops on what the hub said sealed and no retry heals', () => {
    expect(sealedRefusalOf('This desk is not paired with this hub')).toBe(REMOVED_SENTENCE)
    expect(sealedRefusalOf('This desk was removed from the hub')).toBe(REMOVED_SENTENCE)
    expect(
      sealedRefusalOf('The pairing code was refused: it expired, was used already, or was mistyped')
    ).toMatch(/^The pairing code was refused/)
    // The hub's own words, even ones this desk does not know.
    expect(sealedRefusalOf('A desk named "Front desk" exists')).toBe(
      'A desk named "Front desk" exists'
    )
    expect(localRefusalOf(new PairingCodeError('This is not a pairing code'))).toBe(
      'This is not a pairing code'
    )
  })

  it('retries what heals with time, even sealed', () => {
    expect(
      sealedRefusalOf('Too many pairing attempts: wait a minute and try again')
    ).toBeUndefined()
    expect(localRefusalOf(new Error('ECONNREFUSED'))).toBeUndefined()
  })

  it('shows, while retrying slowly, only what cannot be sealed: versions and a foreign key', () => {
    expect(
      slowRefusalOf(
        'The connection closed during the handshake (This hub speaks seat link version 3 and the seat 2: update the seat)'
      )
    ).toBe('This desk is older than its hub: update this desk to connect')
    expect(slowRefusalOf('The desk that answered is not the hub this desk paired with')).toBe(
      'The desk that answered is not the hub this desk paired with'
    )
    // Unsealed, "removed" is only "offline": a tunnel operator could have written it.
    expect(slowRefusalOf('This desk was removed from the hub')).toBeUndefined()
    expect(slowRefusalOf('The hub is stopping')).toBeUndefined()
    expect(slowRefusalOf('')).toBeUndefined()
  })
})
