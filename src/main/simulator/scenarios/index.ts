/**
 * The scenario table and its runner. Each scenario drives the simulator (Meta and the caller) and
 * the core's service API (the business), then reports named checks; the runner gives it a fresh
 * event watch and closes the desks it opened, whatever happened.
 */
import { HeadlessClient } from '../client/headless-client'
import { appHangsUp, callerHangsUp, twoCalls } from './answered'
import { callBack } from './call-back'
import { duplicateAndOutOfOrder } from './delivery'
import { Recorder, StopScenario, messageOf } from './recorder'
import type { Scenario, ScenarioEnv, ScenarioReport } from './types'
import { missed, declined, tokenExpired } from './unanswered'
import { CallWatch } from './watch'

export type { Check, CoreClient, Scenario, ScenarioEnv, ScenarioReport } from './types'
export { CallWatch, describeCall } from './watch'
export { Recorder, StopScenario } from './recorder'

export const SCENARIOS: readonly Scenario[] = [
  callerHangsUp,
  appHangsUp,
  missed,
  declined,
  twoCalls,
  tokenExpired,
  duplicateAndOutOfOrder,
  callBack
]

export const SCENARIO_NAMES: readonly string[] = SCENARIOS.map((scenario) => scenario.name)

export function findScenario(name: string): Scenario | undefined {
  return SCENARIOS.find((scenario) => scenario.name === name)
}

export async function runScenario(scenario: Scenario, env: ScenarioEnv): Promise<ScenarioReport> {
  const started = Date.now()
  const report = new Recorder()
  const watch = new CallWatch(env.core)
  const desks: HeadlessClient[] = []
  const log = env.logger?.child(`scenario:${scenario.name}`)
  try {
    await scenario.run({
      ...env,
      api: env.core.api,
      watch,
      report,
      newDesk: (options) => {
        const desk = new HeadlessClient(options)
        desks.push(desk)
        return desk
      }
    })
  } catch (error) {
    // A failed step is already in the report; anything else is a scenario that broke.
    if (!(error instanceof StopScenario))
      report.check('the scenario runs to its end', false, messageOf(error))
  } finally {
    watch.close()
    await Promise.allSettled(desks.map((desk) => desk.close()))
  }
  const result: ScenarioReport = {
    scenario: scenario.name,
    checks: report.checks,
    passed: report.passed,
    durationMs: Date.now() - started
  }
  log?.info('scenario finished', { passed: result.passed, durationMs: result.durationMs })
  return result
}

/** Runs scenarios one after another (they share the core, so they must not overlap). */
export async function runScenarios(
  scenarios: readonly Scenario[],
  env: ScenarioEnv,
  onReport?: (report: ScenarioReport) => void
): Promise<ScenarioReport[]> {
  const reports: ScenarioReport[] = []
  for (const scenario of scenarios) {
    const report = await runScenario(scenario, env)
    reports.push(report)
    onReport?.(report)
  }
  return reports
}

/** One line per check, e.g. "PASS caller-hangs-up: the desk hears 440 Hz (440 Hz, -13.2 dBFS)". */
export function formatReport(report: ScenarioReport): string[] {
  return report.checks.map(
    (check) =>
      `${check.pass ? 'PASS' : 'FAIL'} ${report.scenario}: ${check.name}` +
      (check.detail ? ` (${check.detail})` : '')
  )
}

export function tally(reports: readonly ScenarioReport[]): { passed: number; failed: number } {
  const checks = reports.flatMap((report) => report.checks)
  const passed = checks.filter((check) => check.pass).length
  return { passed, failed: checks.length - passed }
}
