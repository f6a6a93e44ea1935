/**
 * The desktop app's log: electron-log writes a rotating file in the user's log folder, and is the
 * sink behind the core's Logger. The core redacts its own fields; a hook on electron-log redacts
 * every message again, so lines from third-party code (electron-updater, uncaught errors) cannot
 * carry a token, the app secret or an SDP either. The console gets output in development only.
 */
import { dirname } from 'node:path'
import type { FileTransport, Hook, LevelOption, LogFunctions } from 'electron-log'
import { PRIVATE_FILE_MODE, ensurePrivateDirSync } from '../core/config/private-files'
import {
  createLogger,
  redact,
  redactText,
  type LogLevel,
  type LogSink,
  type Logger
} from '../core/log'

export interface LogBackend {
  hooks: Hook[]
  transports: {
    file: Pick<FileTransport, 'level' | 'writeOptions' | 'resolvePathFn' | 'getFile'>
    console: { level: LevelOption }
  }
  scope(label: string): Pick<LogFunctions, LogLevel>
  errorHandler: { startCatching(options?: { showDialog?: boolean }): void }
}

export interface LoggingOptions {
  development: boolean
  /** SOFTPHONE_LOG_LEVEL=debug turns on debug lines in a packaged app. */
  level?: string | undefined
}

/** One logged value, redacted; an Error keeps its stack, which the core's `redact` drops. */
export function redactLogValue(value: unknown): unknown {
  if (value instanceof Error) return redactText(value.stack ?? `${value.name}: ${value.message}`)
  return redact(value)
}

export const redactingHook: Hook = (message) => ({
  ...message,
  data: message.data.map((item: unknown) => redactLogValue(item))
})

export function electronLogSink(backend: Pick<LogBackend, 'scope'>): LogSink {
  const scopes = new Map<string, Pick<LogFunctions, LogLevel>>()
  return (level, scope, message, fields) => {
    let scoped = scopes.get(scope)
    if (!scoped) {
      scoped = backend.scope(scope)
      scopes.set(scope, scoped)
    }
    if (Object.keys(fields).length > 0) scoped[level](message, fields)
    else scoped[level](message)
  }
}

/**
 * Configures the backend and returns the Logger the whole main process uses. electron-log's own
 * `initialize()` is deliberately not called: it would add its preload to every session, a second
 * bridge into the sandboxed renderers besides ours.
 */
export function setUpLogging(backend: LogBackend, options: LoggingOptions): Logger {
  const level: LogLevel = options.development || options.level === 'debug' ? 'debug' : 'info'
  backend.hooks.push(redactingHook)
  backend.transports.file.level = level
  makeLogFilePrivate(backend.transports.file)
  backend.transports.console.level = options.development ? level : false
  // Uncaught errors go to the file (through the hook) instead of a dialog the user cannot act on.
  backend.errorHandler.startCatching({ showDialog: false })
  return createLogger(electronLogSink(backend), 'main', level)
}

/**
 * The log file is created 0600 in a folder created 0700 (electron-log's defaults are 0666 and
 * 0777 less the umask): lines name callers and calls. Existing wider ones are tightened by the
 * start sweep (see `logFolder` and private-files.ts).
 */
function makeLogFilePrivate(file: LogBackend['transports']['file']): void {
  file.writeOptions = { flag: 'a', mode: PRIVATE_FILE_MODE, encoding: 'utf8' }
  const resolvePath = file.resolvePathFn
  const made = new Set<string>()
  file.resolvePathFn = (variables, message) => {
    const path = resolvePath(variables, message)
    const folder = dirname(path)
    if (!made.has(folder)) {
      made.add(folder)
      // Before electron-log's own mkdir, which would use 0777.
      try {
        ensurePrivateDirSync(folder)
      } catch {
        // electron-log reports the write that fails next.
      }
    }
    return path
  }
}

/** The folder of the log file, for the start sweep; undefined when electron-log cannot say. */
export function logFolder(backend: Pick<LogBackend, 'transports'>): string | undefined {
  try {
    return dirname(backend.transports.file.getFile().path)
  } catch {
    return undefined
  }
}
