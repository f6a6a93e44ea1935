import { describe, expect, it } from 'vitest'
import { PairingCodeError } from '../../../../src/main/core/seat-link/pairing-code'
import {
  knownOfflineReasonOf,
  localRefusalOf,
  offlineReasonOf,
  REMOVED_SENTENCE,
  sealedRefusalOf,
  slowRefusalOf
} from '../../../../src/main/core/seat-link/seat-refusals'
import { HubUnreachableError } from '../../../../src/main/core/seat-link/seat-addresses'
import { SeatLinkError } from '../../../../src/main/core/seat-link/secure-link'
import { words } from '../../../../src/shared/words'
import { englishWords } from '../../../../src/shared/words-english'

describe('which answers a seat does not retry', () => {
  it('stops on what the hub said sealed and no retry heals', () => {
    // This app's words, for each window to say in its own language.
    const removed = words('seatRefused.removed')
    expect(sealedRefusalOf('This desk is not paired with this hub')).toEqual(removed)
    expect(sealedRefusalOf('This desk was removed from the hub')).toEqual(removed)
    expect(englishWords(removed)).toBe(REMOVED_SENTENCE)
    expect(REMOVED_SENTENCE).toBe(
      'This desk was removed from the hub: pair it again with a new code'
    )
    // What this app's hub says in English, the seat words in its own language.
    expect(
      sealedRefusalOf('The pairing code was refused: it expired, was used already, or was mistyped')
    ).toEqual(words('seatRefused.codeRefused'))
    expect(sealedRefusalOf('A desk named "Front desk" exists')).toEqual(
      words('seatRefused.nameTaken', { name: 'Front desk' })
    )
    expect(sealedRefusalOf('This desk is paired with this hub already')).toEqual(
      words('seatRefused.alreadyPaired')
    )
    // The hub's own words, even ones this desk does not know.
    expect(sealedRefusalOf('The hub is closing for the night')).toBe(
      'The hub is closing for the night'
    )
    expect(localRefusalOf(new PairingCodeError('This is not a pairing code'))).toBe(
      'This is not a pairing code'
    )
    // An error of this desk's that carries words keeps them.
    const worded = Object.assign(new PairingCodeError('No code'), { words: words('seat.hubLate') })
    expect(localRefusalOf(worded)).toEqual(words('seat.hubLate'))
  })

  it('retries what heals with time, even sealed', () => {
    expect(
      sealedRefusalOf('Too many pairing attempts: wait a minute and try again')
    ).toBeUndefined()
    expect(knownOfflineReasonOf('Too many pairing attempts: wait a minute and try again')).toEqual(
      words('seatRefused.tooManyAttempts')
    )
    // What this app's hub says as it closes a link, worded; anything else as said.
    expect(knownOfflineReasonOf('The hub is stopping')).toEqual(words('hubReason.stopping'))
    expect(
      knownOfflineReasonOf('This desk did not keep up with the hub: its connection was closed')
    ).toEqual(words('hubReason.tooSlow'))
    expect(knownOfflineReasonOf('The hub is busy')).toBe('The hub is busy')
    expect(localRefusalOf(new Error('ECONNREFUSED'))).toBeUndefined()
  })

  it('shows, while retrying slowly, only what cannot be sealed: versions and a foreign key', () => {
    expect(
      slowRefusalOf(
        'The connection closed during the handshake (This hub speaks seat link version 3 and the seat 2: update the seat)'
      )
    ).toEqual(words('seatRefused.seatOlder'))
    expect(slowRefusalOf('seat link version 2 and the hub 1: update the hub')).toEqual(
      words('seatRefused.hubOlder')
    )
    expect(slowRefusalOf('… seat link version 4')).toEqual(words('seatRefused.versionsDiffer'))
    const notTheHub = slowRefusalOf('The desk that answered is not the hub this desk paired with')
    expect(notTheHub).toEqual(words('seatRefused.notTheHub'))
    expect(englishWords(notTheHub as ReturnType<typeof words>)).toBe(
      'The desk that answered is not the hub this desk paired with'
    )
    // Unsealed, "removed" is only "offline": a tunnel operator could have written it.
    expect(slowRefusalOf('This desk was removed from the hub')).toBeUndefined()
    expect(slowRefusalOf('The hub is stopping')).toBeUndefined()
    expect(slowRefusalOf('')).toBeUndefined()
  })
})

describe('why a try to reach the hub failed', () => {
  it('is this desk’s own words where it made the reason, else as said', () => {
    const notRunning = words('hubReason.notRunning', { host: 'hub.example' })
    expect(offlineReasonOf(new HubUnreachableError(notRunning))).toEqual(notRunning)
    expect(
      offlineReasonOf(new SeatLinkError('timeout', 'The secure handshake took too long'))
    ).toEqual(words('hubReason.slowHandshake'))
    expect(offlineReasonOf(new Error('a frame over 263168 bytes'))).toBe(
      'a frame over 263168 bytes'
    )
  })
})
