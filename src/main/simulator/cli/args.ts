/**
 * `npm run sim -- <scenario>... | all [--with-core] [--list] [--help]`, parsed into what to do or
 * a sentence saying what is wrong with the command line.
 */
import { SCENARIOS, findScenario } from '../scenarios'
import type { Scenario } from '../scenarios/types'

export type CliCommand =
  { kind: 'help' } | { kind: 'list' } | { kind: 'run'; scenarios: Scenario[]; withCore: boolean }

export type ParsedArgs = { ok: true; command: CliCommand } | { ok: false; error: string }

export const USAGE = [
  'Usage: npm run sim -- <scenario>... | all [--with-core]',
  '       npm run sim -- --list',
  '',
  'Runs Messenger call scenarios against the core: the simulator plays Meta and the caller,',
  "and answers, declines or hangs up through the core's own service API, like a UI.",
  '',
  '  --with-core  start a core in this process (temporary data folder), no setup needed',
  '  --list       show the scenarios',
  '',
  'Without --with-core it drives a running core (`npm run serve`) found through',
  'SOFTPHONE_DATA_DIR/bridge.json, with the same FB_* variables and GRAPH_API_URL=http://127.0.0.1:<port>.'
].join('\n')

export function parseArgs(argv: readonly string[]): ParsedArgs {
  let withCore = false
  let list = false
  const names: string[] = []
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') return { ok: true, command: { kind: 'help' } }
    if (arg === '--list') list = true
    else if (arg === '--with-core') withCore = true
    else if (arg.startsWith('-')) return { ok: false, error: `Unknown option ${arg}.` }
    else names.push(arg)
  }
  if (list) return { ok: true, command: { kind: 'list' } }
  if (names.length === 0) {
    return { ok: false, error: 'Name a scenario to run, or "all" (see --list).' }
  }
  if (names.includes('all')) {
    return { ok: true, command: { kind: 'run', scenarios: [...SCENARIOS], withCore } }
  }
  const scenarios: Scenario[] = []
  for (const name of names) {
    const scenario = findScenario(name)
    if (!scenario) {
      return {
        ok: false,
        error: `There is no scenario "${name}". Choose from: ${SCENARIOS.map((s) => s.name).join(', ')}, or all.`
      }
    }
    if (!scenarios.includes(scenario)) scenarios.push(scenario)
  }
  return { ok: true, command: { kind: 'run', scenarios, withCore } }
}

/** One line per scenario for --list. */
export function listLines(): string[] {
  const width = Math.max(...SCENARIOS.map((scenario) => scenario.name.length))
  return SCENARIOS.map((scenario) => `${scenario.name.padEnd(width)}  ${scenario.summary}`)
}
