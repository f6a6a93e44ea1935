/** The one way the app writes when a call happened, with a pinned clock and locale. */
import { describe, expect, it } from 'vitest'
import { formatCallTime } from '../../../src/renderer/src/composables/format'

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
