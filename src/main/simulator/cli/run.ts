/**
 * What `npm run sim` does, as a function of its arguments, environment and output streams, so it
 * can run in-process in tests. Exit codes: 0 every check passed, 1 some check failed, 2 the
 * command line or the setup was wrong (the sentence says what to do).
 */
import { ConfigError, type Env } from '../../core/config'
import { createLogger, stderrSink, type LogLevel, type Logger } from '../../core/log'
import { startInProcessRig } from '../rig/in-process'
import { formatReport, runScenarios, tally } from '../scenarios'
import type { Scenario, ScenarioEnv } from '../scenarios/types'
import { USAGE, listLines, parseArgs } from './args'
import { SetupError, connectToRunningCore } from './running-core'

export interface CliIo {
  env: Env
  out(line: string): void
  err(line: string): void
  /** Where logs go; stderr lines by default. */
  logger?: Logger
}

export const EXIT_PASSED = 0
export const EXIT_FAILED = 1
export const EXIT_USAGE = 2

function defaultLogger(env: Env): Logger {
  const wanted = env['SOFTPHONE_LOG_LEVEL']
  // The core's own warnings (a refused accept is a scenario's point) would drown the report.
  const level: LogLevel = wanted === 'debug' || wanted === 'info' ? wanted : 'error'
  return createLogger(stderrSink, 'sim', level)
}

interface Session {
  env: ScenarioEnv
  close(): Promise<void>
}

async function open(withCore: boolean, io: CliIo, logger: Logger): Promise<Session> {
  if (!withCore) return connectToRunningCore(io.env, logger)
  const rig = await startInProcessRig({ logger })
  io.err(`Started a core in this process (data in ${rig.dataDir}, removed afterwards).`)
  return { env: rig.env, close: () => rig.close() }
}

async function run(scenarios: Scenario[], withCore: boolean, io: CliIo): Promise<number> {
  const logger = io.logger ?? defaultLogger(io.env)
  let session: Session
  try {
    session = await open(withCore, io, logger)
  } catch (error) {
    if (error instanceof SetupError || error instanceof ConfigError) {
      io.err(`Cannot run the scenarios: ${error.message}`)
      return EXIT_USAGE
    }
    throw error
  }
  try {
    const reports = await runScenarios(scenarios, session.env, (report) => {
      for (const line of formatReport(report)) io.out(line)
    })
    const { passed, failed } = tally(reports)
    io.out(`${passed} passed, ${failed} failed`)
    return failed === 0 ? EXIT_PASSED : EXIT_FAILED
  } finally {
    await session.close()
  }
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv)
  if (!parsed.ok) {
    io.err(parsed.error)
    io.err(USAGE)
    return EXIT_USAGE
  }
  const { command } = parsed
  switch (command.kind) {
    case 'help':
      io.out(USAGE)
      return EXIT_PASSED
    case 'list':
      for (const line of listLines()) io.out(line)
      return EXIT_PASSED
    case 'run':
      return run(command.scenarios, command.withCore, io)
  }
}
