/**
 * Collects a scenario's checks. `step` is for what the rest depends on (the call must ring before
 * anyone can answer it): a failed step is recorded and stops the scenario. `check` records a fact
 * and goes on, so one wrong outcome still lets the following checks say what else is right.
 */
import type { Check } from './types'

/** Thrown by a failed step; the runner ends the scenario there (the failure is already recorded). */
export class StopScenario extends Error {
  override readonly name = 'StopScenario'
}

export class Recorder {
  readonly checks: Check[] = []

  /** Records a fact: `pass` with what was seen. */
  check(name: string, pass: boolean, detail?: string): boolean {
    this.checks.push({ name, pass, ...(detail === undefined ? {} : { detail }) })
    return pass
  }

  /** Records that `actual` equals `expected`, showing the actual value. */
  equal(name: string, actual: unknown, expected: unknown): boolean {
    const shown = typeof actual === 'string' ? actual : JSON.stringify(actual)
    const wanted = typeof expected === 'string' ? expected : JSON.stringify(expected)
    return this.check(name, shown === wanted, shown === wanted ? shown : `${shown}, not ${wanted}`)
  }

  /**
   * Runs a step the scenario cannot go on without. Passes with `describe(result)` as its detail;
   * on an error records the failure with the error's message and throws StopScenario.
   */
  async step<T>(
    name: string,
    work: () => Promise<T>,
    describe?: (result: T) => string | undefined
  ): Promise<T> {
    try {
      const result = await work()
      this.check(name, true, describe?.(result))
      return result
    } catch (error) {
      this.check(name, false, messageOf(error))
      throw new StopScenario(name)
    }
  }

  /** Like `step`, but a failure is recorded and the scenario goes on (undefined result). */
  async attempt<T>(
    name: string,
    work: () => Promise<T>,
    describe?: (result: T) => string | undefined
  ): Promise<T | undefined> {
    try {
      const result = await work()
      this.check(name, true, describe?.(result))
      return result
    } catch (error) {
      this.check(name, false, messageOf(error))
      return undefined
    }
  }

  get passed(): boolean {
    return this.checks.length > 0 && this.checks.every((check) => check.pass)
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
