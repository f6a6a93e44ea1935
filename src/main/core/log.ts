/**
 * The core's logger: structured fields, and redaction of anything secret before it is written.
 * Electron's main process plugs electron-log in behind this interface; headless runs write lines to
 * stderr. Callers pass fields, never pre-formatted strings holding values, so redaction can see them.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogFields = Record<string, unknown>

export interface Logger {
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
  child(scope: string): Logger
}

export type LogSink = (level: LogLevel, scope: string, message: string, fields: LogFields) => void

/** Field names whose values are never written, at any depth. */
const SECRET_KEY =
  /token|secret|password|authorization|appsecret_proof|^sdp$|sdp_response|sdp_renegotiation|cookie/i
/** Values that look like secrets wherever they appear (query strings, error texts), with their masks. */
const SECRET_PATTERNS: [RegExp, string][] = [
  [
    /\b(access_token|appsecret_proof|verify_token|hub\.verify_token|client_secret)=([^&\s"']+)/gi,
    '$1=[redacted]'
  ],
  [/(Bearer\s+)[A-Za-z0-9._|-]+/g, '$1[redacted]'],
  // Meta user and Page access tokens start with EAA.
  [/\bEAA[A-Za-z0-9]{20,}\b/g, '[redacted]'],
  // An SDP body (raw or JSON-escaped) names addresses and keys: never worth a log line.
  [/v=0(?:\r?\n|\\r\\n)o=[^"]*/g, '[sdp redacted]']
]

const known = new Set<string>()

/** Registers a value (a token, the app secret) that must be masked wherever it shows up. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 6) known.add(value)
}

export function redactText(text: string): string {
  let out = text
  for (const secret of known) out = out.split(secret).join('[redacted]')
  for (const [pattern, mask] of SECRET_PATTERNS) out = out.replace(pattern, mask)
  return out
}

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value)
  if (value instanceof Error) return redactText(`${value.name}: ${value.message}`)
  if (value === null || typeof value !== 'object') return value
  // Too deep to walk: dropped, never written unredacted (a token may sit at any depth).
  if (depth > 6) return '[too deep]'
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? '[redacted]' : redact(item, depth + 1)
  }
  return out
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

export function createLogger(sink: LogSink, scope = 'core', minLevel: LogLevel = 'info'): Logger {
  const write =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}): void => {
      if (ORDER[level] < ORDER[minLevel]) return
      sink(level, scope, redactText(message), redact(fields) as LogFields)
    }
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (child) => createLogger(sink, `${scope}:${child}`, minLevel)
  }
}

/** One plain line per entry on stderr, for headless runs. */
export const stderrSink: LogSink = (level, scope, message, fields) => {
  const extra = Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : ''
  process.stderr.write(
    `${new Date().toISOString()} ${level.padEnd(5)} [${scope}] ${message}${extra}\n`
  )
}

/** Collects entries in memory: tests read them back to check what would have been written. */
export function memoryLogger(minLevel: LogLevel = 'debug'): Logger & {
  entries: { level: LogLevel; scope: string; message: string; fields: LogFields }[]
} {
  const entries: { level: LogLevel; scope: string; message: string; fields: LogFields }[] = []
  const logger = createLogger(
    (level, scope, message, fields) => entries.push({ level, scope, message, fields }),
    'test',
    minLevel
  )
  return Object.assign(logger, { entries })
}

const ignore = (): void => undefined

/** Discards everything, without paying for redaction first. */
export const silentLogger: Logger = {
  debug: ignore,
  info: ignore,
  warn: ignore,
  error: ignore,
  child: () => silentLogger
}
