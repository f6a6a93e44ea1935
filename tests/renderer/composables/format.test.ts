/** The one way the app writes times and numbers, with a pinned clock and locale. */
import { describe, expect, it } from 'vitest'
import {
  formatAgo,
  formatCallTime,
  formatCount,
  formatMilliseconds,
  formatPercent
} from '../../../src/renderer/src/composables/format'

// Local times, so the test means the same in every time zone it runs in.
const NOW = new Date(2026, 3, 10, 12, 0).getTime()
const at = (day: number, hour: number, minute: number): number =>
  new Date(2026, 3, day, hour, minute).getTime()

describe('formatCallTime', () => {
  it('says "Today" and the time for a call of today', () => {
    expect(formatCallTime(at(10, 9, 31), NOW, 'en-GB')).toBe('Today 09:31')
    expect(formatCallTime(at(10, 0, 0), NOW, 'en-GB')).toBe('Today 00:00')
  })

  it('says "Yesterday" and the time for a call of the day before, up to midnight', () => {
    expect(formatCallTime(at(9, 17, 2), NOW, 'en-GB')).toBe('Yesterday 17:02')
    expect(formatCallTime(at(9, 0, 0), NOW, 'en-GB')).toBe('Yesterday 00:00')
  })

  it('writes the date and time, in the locale, for anything older', () => {
    expect(formatCallTime(at(8, 23, 59), NOW, 'en-GB')).toBe('8 Apr 2026, 23:59')
    expect(formatCallTime(at(3, 14, 5), NOW, 'en-US')).toMatch(/^Apr 3, 2026, 2:05\sPM$/)
    expect(formatCallTime(at(3, 14, 5), NOW, 'es-ES')).toBe('3 abr 2026, 14:05')
  })

  it('says today and yesterday in the desk’s language', () => {
    expect(formatCallTime(at(10, 9, 31), NOW, 'es')).toBe('Hoy 9:31')
    expect(formatCallTime(at(9, 17, 2), NOW, 'es')).toBe('Ayer 17:02')
  })

  it("follows the locale's clock for today too", () => {
    expect(formatCallTime(at(10, 17, 2), NOW, 'en-US')).toMatch(/^Today 5:02\sPM$/)
  })

  it('knows yesterday across a month boundary', () => {
    const firstOfMay = new Date(2026, 4, 1, 8, 0).getTime()
    expect(formatCallTime(new Date(2026, 3, 30, 22, 15).getTime(), firstOfMay, 'en-GB')).toBe(
      'Yesterday 22:15'
    )
  })
})

describe('formatAgo', () => {
  const MINUTE = 60_000

  it('says how long ago in English by default, coarsest unit first', () => {
    expect(formatAgo(NOW - 20_000, NOW)).toBe('just now')
    expect(formatAgo(NOW - 5 * MINUTE, NOW)).toBe('5 minutes ago')
    expect(formatAgo(NOW - 135 * MINUTE, NOW)).toBe('2 hours ago')
    expect(formatAgo(NOW - 25 * 60 * MINUTE, NOW)).toBe('yesterday')
    expect(formatAgo(NOW - 3 * 24 * 60 * MINUTE, NOW, 'en')).toBe('3 days ago')
  })

  it('says it in Spanish for a Spanish desk, with the catalogue’s word for under a minute', () => {
    expect(formatAgo(NOW - 20_000, NOW, 'es', 'hace un momento')).toBe('hace un momento')
    expect(formatAgo(NOW - 5 * MINUTE, NOW, 'es')).toBe('hace 5 minutos')
    expect(formatAgo(NOW - 60 * MINUTE, NOW, 'es')).toBe('hace 1 hora')
    expect(formatAgo(NOW - 25 * 60 * MINUTE, NOW, 'es')).toBe('ayer')
    expect(formatAgo(NOW - 3 * 24 * 60 * MINUTE, NOW, 'es')).toBe('hace 3 días')
  })

  it('never says a time in the future', () => {
    expect(formatAgo(NOW + 5 * MINUTE, NOW)).toBe('just now')
  })
})

describe('numbers in the desk’s language', () => {
  // Spanish puts a no-break space between the number and "%".
  const spaced = (text: string): string => text.replace(/\u00a0|\u202f/g, ' ')

  it('writes milliseconds rounded, with their unit', () => {
    expect(formatMilliseconds(42.4, 'en')).toBe('42 ms')
    expect(spaced(formatMilliseconds(1234.6, 'es'))).toBe('1235 ms')
    expect(spaced(formatMilliseconds(12345, 'es'))).toBe('12.345 ms')
    expect(formatMilliseconds(12345, 'en')).toBe('12,345 ms')
  })

  it('writes a percentage with one decimal: "0.5%" in English, "0,5 %" in Spanish', () => {
    expect(formatPercent(0.5, 'en')).toBe('0.5%')
    expect(spaced(formatPercent(0.5, 'es'))).toBe('0,5 %')
    expect(formatPercent(0.25, 'en')).toBe('0.3%')
    expect(spaced(formatPercent(12, 'es'))).toBe('12,0 %')
  })

  it('groups counts as the language does', () => {
    expect(formatCount(16100, 'en')).toBe('16,100')
    expect(formatCount(16100, 'es')).toBe('16.100')
  })
})
