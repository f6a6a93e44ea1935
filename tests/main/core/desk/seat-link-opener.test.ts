/**
 * The link's first answer, for a headless seat's start and a join: this app's refusals as words
 * (the join form says them in the desk's language), the hub's own sentence and the network's
 * reason as they came.
 */
import { describe, expect, it } from 'vitest'
import {
  firstAnswerSentence,
  firstAnswerWords
} from '../../../../src/main/core/desk/seat-link-opener'
import { words } from '../../../../src/shared/words'

describe('the link’s first answer', () => {
  it('is words for a refusal this app words, with its stop', () => {
    const removed = {
      state: 'refused',
      reason: 'This desk was removed from the hub: pair it again with a new code',
      words: words('seatRefused.removed')
    } as const
    expect(firstAnswerWords(removed)).toEqual(
      words('hubLine.refused', { refusal: words('seatRefused.removed') })
    )
    expect(firstAnswerSentence(removed)).toBe(
      'This desk was removed from the hub: pair it again with a new code.'
    )
  })

  it('keeps the hub’s own sentence and the network’s reason as they came', () => {
    expect(firstAnswerWords({ state: 'refused', reason: 'A desk named "Front" exists' })).toBe(
      'A desk named "Front" exists.'
    )
    expect(
      firstAnswerWords({ state: 'offline', reason: 'Hub offline: The hub could not be reached' })
    ).toBe('The hub could not be reached.')
  })
})
