import { describe, expect, it } from 'vitest'
import { listLines, parseArgs } from '../../../../src/main/simulator/cli/args'
import { SCENARIO_NAMES } from '../../../../src/main/simulator/scenarios'

const names = (argv: string[]): string[] | string => {
  const parsed = parseArgs(argv)
  if (!parsed.ok) return parsed.error
  return parsed.command.kind === 'run'
    ? parsed.command.scenarios.map((scenario) => scenario.name)
    : parsed.command.kind
}

describe('npm run sim arguments', () => {
  it('runs named scenarios in the order given, once each', () => {
    expect(names(['missed', 'declined', 'missed'])).toEqual(['missed', 'declined'])
  })

  it('runs every scenario for "all", in the table order', () => {
    expect(names(['all'])).toEqual([...SCENARIO_NAMES])
    expect(SCENARIO_NAMES).toEqual([
      'caller-hangs-up',
      'app-hangs-up',
      'missed',
      'declined',
      'two-calls',
      'token-expired',
      'duplicate-and-out-of-order',
      'call-back'
    ])
  })

  it('reads --with-core wherever it stands', () => {
    expect(parseArgs(['--with-core', 'two-calls'])).toMatchObject({
      ok: true,
      command: { kind: 'run', withCore: true }
    })
    expect(parseArgs(['two-calls'])).toMatchObject({ ok: true, command: { withCore: false } })
  })

  it('lists and helps before anything else', () => {
    expect(names(['--list'])).toBe('list')
    expect(names(['all', '--list'])).toBe('list')
    expect(names(['nonsense', '--help'])).toBe('help')
    expect(listLines()).toHaveLength(SCENARIO_NAMES.length)
    expect(listLines()[0]).toMatch(/^caller-hangs-up\s+ring, the desk answers/)
  })

  it('explains what is wrong in a sentence', () => {
    expect(names([])).toBe('Name a scenario to run, or "all" (see --list).')
    expect(names(['--fast'])).toBe('Unknown option --fast.')
    expect(names(['caller-hangup'])).toMatch(
      /^There is no scenario "caller-hangup"\. Choose from: caller-hangs-up, .*, or all\.$/
    )
  })
})
