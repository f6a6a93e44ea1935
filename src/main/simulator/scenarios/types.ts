/**
 * What a scenario gets and what it gives back. A scenario plays Meta and the caller through the
 * simulator and plays the business through the core's own service API, exactly as a UI would; it
 * reports named checks with what was measured, never just "ok".
 */
import type { SoftphoneApi } from '../../../shared/api'
import type { BridgeClient } from '../../../shared/bridge-client'
import type { Logger } from '../../core/log'
import type { HeadlessClient, HeadlessClientOptions } from '../client/headless-client'
import type { Simulator } from '../simulator'
import type { Recorder } from './recorder'
import type { CallWatch } from './watch'

/** The core as a UI sees it: the API and its events (a BridgeClient, over a socket or in-process). */
export type CoreClient = Pick<BridgeClient, 'api' | 'on'>

/** What a runner provides; the same for a running core (`npm run sim`) and for tests. */
export interface ScenarioEnv {
  sim: Simulator
  core: CoreClient
  /** The core's ring timeout (SOFTPHONE_RING_TIMEOUT_S), so `missed` can age its call to fit. */
  ringTimeoutMs: number
  logger?: Logger | undefined
}

export interface ScenarioContext extends ScenarioEnv {
  api: SoftphoneApi
  /** Every `callUpdated` and `historyAdded` since the scenario started. */
  watch: CallWatch
  /** A desk with its own tone; closed by the runner when the scenario ends. */
  newDesk(options?: HeadlessClientOptions): HeadlessClient
  report: Recorder
}

export interface Check {
  name: string
  pass: boolean
  /** What was measured or seen, e.g. "440 Hz, -12.0 dBFS, 48 packets". */
  detail?: string | undefined
}

export interface ScenarioReport {
  scenario: string
  checks: Check[]
  passed: boolean
  durationMs: number
}

export type ScenarioRun = (ctx: ScenarioContext) => Promise<void>

export interface Scenario {
  name: string
  /** One line for `--list`. */
  summary: string
  run: ScenarioRun
}
