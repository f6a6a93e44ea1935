/**
 * An idle headless core does no periodic work beyond its documented checks (issue 14, item 3).
 * Every timer the core sets is named in a comment where it is set (`// Timer "…"` on one of the
 * three lines above), and the periodic ones (`// Periodic timer "…"`, every setInterval among
 * them) are exactly the documented checks. A new timer fails here until it is named, and a new
 * periodic one until it is added to the list below (and to the README's "Idle" paragraph).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')
const CORE = join(ROOT, 'src/main/core')

/** The documented periodic checks: all an idle core wakes up for. */
const PERIODIC = ['page token check', 'seat link pings', 'subscription check', 'tunnel keep-alive']

const CALL = /\bset(Timeout|Interval)\(/
/** A clock's type (`setTimeout(run: () => void, ms: number): unknown`) or its plain adapter. */
const NOT_A_TIMER = /^\s*set(Timeout|Interval)\(.*\): unknown$|^\s*set(Timeout|Interval): \(/
const NAMED = /\/\/ (Periodic timer|Timer) "([^"]+)"/

interface Found {
  where: string
  line: string
  kind?: string | undefined
  name?: string | undefined
}

function timers(): Found[] {
  const files = readdirSync(CORE, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
  return files.flatMap((file) => {
    const lines = readFileSync(file, 'utf8').split('\n')
    return lines.flatMap((line, index): Found[] => {
      if (!CALL.test(line) || NOT_A_TIMER.test(line) || /^\s*(\/\/|\*)/.test(line)) return []
      const comment = lines
        .slice(Math.max(0, index - 3), index)
        .reverse()
        .map((above) => NAMED.exec(above))
        .find((match) => match !== null)
      const where = `${relative(ROOT, file)}:${index + 1}`
      return [{ where, line: line.trim(), kind: comment?.[1], name: comment?.[2] }]
    })
  })
}

describe('the headless core’s timers', () => {
  const found = timers()

  it('are found (the scan sees the core’s timers)', () => {
    expect(found.length).toBeGreaterThan(20)
  })

  it('are each named in a comment where they are set', () => {
    expect(found.filter((timer) => timer.name === undefined)).toEqual([])
  })

  it('repeat only for the documented checks, every setInterval among them', () => {
    const periodic = found.filter((timer) => timer.kind === 'Periodic timer')
    expect([...new Set(periodic.map((timer) => timer.name))].sort()).toEqual(PERIODIC)
    const intervals = found.filter((timer) => /\bsetInterval\(/.test(timer.line))
    expect(intervals.filter((timer) => timer.kind !== 'Periodic timer')).toEqual([])
  })
})
