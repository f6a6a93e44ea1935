import { describe, expect, it } from 'vitest'
import type { BusinessHours } from '../../src/shared/business-hours'
import {
  fillReply,
  firstNameOf,
  MAX_MESSAGE_TEXT,
  refusalWords,
  wordNextOpening,
  type NextOpeningWords
} from '../../src/shared/missed-reply'
import { defaultSettings } from '../../src/shared/settings'
import { composeReply } from '../../src/main/core/follow-up/missed-reply-text'

const HOURS: BusinessHours = {
  timeZone: 'Europe/Madrid',
  weekly: {
    MONDAY: [{ open: '09:00', close: '17:00' }],
    TUESDAY: [{ open: '09:00', close: '17:00' }],
    WEDNESDAY: [],
    THURSDAY: [],
    FRIDAY: [],
    SATURDAY: [],
    SUNDAY: []
  },
  holidays: []
}
/** Monday 2026-03-30, 20:00 in Madrid (18:00 UTC, summer time). */
const MONDAY_EVENING = Date.UTC(2026, 2, 30, 18, 0)
const words: NextOpeningWords = (key, { day, time }) => `${key}|${day}|${time}`

describe('the reply placeholders', () => {
  it('fills {first_name} and {next_opening}, everywhere they appear, and leaves other braces', () => {
    expect(
      fillReply('Hi {first_name} {first_name}, {next_opening} {other}', {
        firstName: 'Ana',
        nextOpening: 'tomorrow at 9:00'
      })
    ).toBe('Hi Ana Ana, tomorrow at 9:00 {other}')
  })

  it("keeps within Meta's 640 characters", () => {
    const long = fillReply('{first_name}', { firstName: 'x'.repeat(700), nextOpening: '' })
    expect(long).toHaveLength(MAX_MESSAGE_TEXT)
  })

  it('takes the first word of a name, none of an empty one', () => {
    expect(firstNameOf('  Ana María López ')).toBe('Ana')
    expect(firstNameOf('')).toBeUndefined()
    expect(firstNameOf(null)).toBeUndefined()
  })
})

describe('the next opening, worded', () => {
  it('is neutral when no hours are set, "now" while open', () => {
    expect(wordNextOpening(undefined, MONDAY_EVENING, 'en', words)).toBe('unknown||')
    const mondayNoon = Date.UTC(2026, 2, 30, 10, 0)
    expect(wordNextOpening(HOURS, mondayNoon, 'en', words)).toBe('now||')
  })

  it('tomorrow, or a later day, in the hours’ own time zone', () => {
    expect(wordNextOpening(HOURS, MONDAY_EVENING, 'en', words)).toBe('tomorrow|Tuesday|9:00 AM')
    const tuesdayEvening = MONDAY_EVENING + 86_400_000
    expect(wordNextOpening(HOURS, tuesdayEvening, 'es', words)).toBe('later|lunes|9:00')
  })

  it('today when it opens later the same day', () => {
    const mondayEarly = Date.UTC(2026, 2, 30, 5, 0)
    expect(wordNextOpening(HOURS, mondayEarly, 'en', words)).toBe('today|Monday|9:00 AM')
  })

  it('composes the reply in the hub language', () => {
    const settings = defaultSettings()
    settings.hours.schedule = HOURS
    settings.desk.language = 'es'
    settings.missedCallReply.text = 'Hola {first_name}, abrimos {next_opening}.'
    expect(composeReply(settings, null, MONDAY_EVENING).text).toBe(
      'Hola cliente, abrimos mañana a las 9:00.'
    )
    settings.desk.language = 'en'
    expect(composeReply(settings, 'Bo', MONDAY_EVENING).text).toBe(
      'Hola Bo, abrimos tomorrow at 9:00 AM.'
    )
  })
})

describe('refusal words', () => {
  it.each([
    [10, 2018278, 'outsideWindow'],
    [551, undefined, 'unavailable'],
    [613, undefined, 'rateLimited'],
    [200, undefined, 'notAllowed'],
    [1, undefined, 'other']
  ] as const)('%s/%s: %s', (code, subcode, expected) => {
    expect(refusalWords(code, subcode)).toBe(expected)
  })
})
