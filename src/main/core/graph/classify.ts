/**
 * Turns Graph's `{"error": {...}}` into a GraphError kind and the sentence the owner reads.
 * Codes decide first (they are stable); the calls API reports call problems mostly as code 100
 * with different texts, so for those the message text decides.
 */
import type { GraphErrorBody } from '../../../shared/graph'
import { words, type Words } from '../../../shared/words'
import { GraphError, defaultUserWords, type GraphErrorKind } from './errors'
import { NETWORK_WORDS, networkFailure } from './network'

export type GraphErrorDetail = GraphErrorBody['error']

/** Which kind of request failed: call actions read code 100 as "no such call". */
export type RequestContext = 'call' | 'profile' | 'setup'

/** Token problems: 190 itself, 102 (session), and the OAuth subcodes for expired or revoked access. */
const TOKEN_CODES = new Set([102, 190])
const TOKEN_SUBCODES = new Set([458, 459, 460, 463, 464, 467, 492])
/** App, user, Page and Messenger-level throttles (80001..80014 are the Business Use Case limits). */
const RATE_CODES = new Set([4, 17, 32, 341, 613])
/** Graph's own "unknown error" and "service temporarily unavailable". */
const UNAVAILABLE_CODES = new Set([1, 2])

const CALL_STATE =
  /already (been )?(rejected|terminated|accepted|answered|ended|completed)|(cannot|can't|unable to) (reject|terminate|accept)[^.]*(failed|completed|ended)|call (has )?(already )?(ended|completed|failed)\b/i
const BAD_MEDIA = /connection info|\bsdp\b|session description|\bice\b|\bdtls\b|media description/i
const UNKNOWN_CALL =
  /invalid call( id)?\b|call( id)? (was )?not found|call[^.]* does not exist|unknown call/i
const PERMISSION_NAME =
  /\b(pages_[a-z_]+|business_[a-z_]+|public_profile)\b|business asset user profile access/i

function isRateCode(code: number | undefined): boolean {
  return code !== undefined && (RATE_CODES.has(code) || (code >= 80001 && code <= 80014))
}

function isPermissionCode(code: number | undefined): boolean {
  return code === 10 || (code !== undefined && code >= 200 && code <= 299)
}

export function classifyKind(
  detail: GraphErrorDetail,
  status: number,
  context: RequestContext
): GraphErrorKind {
  const { code, error_subcode: subcode } = detail
  const text = detail.message
  if ((code !== undefined && TOKEN_CODES.has(code)) || (subcode && TOKEN_SUBCODES.has(subcode)))
    return 'token-expired'
  if (isRateCode(code)) return 'rate-limited'
  // Code 10 with a 2018xxx subcode is a Messenger policy refusal (e.g. outside the messaging
  // window), not a missing permission: reconnecting would not help, Graph's own text does.
  if (isPermissionCode(code) && !(subcode && subcode >= 2018000 && subcode < 2019000))
    return 'permission'
  if ((code !== undefined && UNAVAILABLE_CODES.has(code)) || detail['is_transient'] === true)
    return 'unavailable'
  if (context === 'call') {
    if (CALL_STATE.test(text)) return 'call-state'
    if (BAD_MEDIA.test(text)) return 'bad-media'
    if (code === 100 || UNKNOWN_CALL.test(text)) return 'unknown-call'
  }
  if (status >= 500) return 'unavailable'
  if (status === 429) return 'rate-limited'
  return 'other'
}

/** Strips Graph's "(#100) " prefix and keeps one short line. */
function cleanGraphText(text: string): string {
  const line = text
    .replace(/^\(#\d+\)\s*/, '')
    .replace(/\s+/g, ' ')
    .trim()
  const short = line.length > 200 ? `${line.slice(0, 197)}...` : line
  return short.length > 0 && !/[.!?]$/.test(short) ? `${short}.` : short
}

function permissionWords(text: string): Words {
  const found = PERMISSION_NAME.exec(text)?.[0]
  if (!found) return defaultUserWords('permission')
  const name = found.toLowerCase().startsWith('business asset')
    ? 'Business Asset User Profile Access'
    : found
  return words('graph.permissionNamed', { name })
}

export function userWordsFor(kind: GraphErrorKind, detail: GraphErrorDetail): Words {
  if (kind === 'permission') return permissionWords(detail.message)
  if (kind === 'other') {
    // error_user_msg is Graph's own text meant for end users (in Facebook's language for the
    // app, not the desk's): the most useful thing to show.
    const said = cleanGraphText(detail.error_user_msg ?? detail.message)
    if (said) return words('graph.refusedSaying', { said })
  }
  return defaultUserWords(kind)
}

export interface RequestInfo {
  method: string
  path: string
  status: number
  context: RequestContext
  fbtraceId?: string | undefined
}

export function graphErrorFromBody(detail: GraphErrorDetail, request: RequestInfo): GraphError {
  const kind = classifyKind(detail, request.status, request.context)
  const codes = [detail.code, detail.error_subcode].filter((c) => c !== undefined).join('/')
  return new GraphError({
    kind,
    message: `Graph ${request.method} ${request.path} failed (HTTP ${request.status}, code ${codes || 'none'}): ${detail.message}`,
    userWords: userWordsFor(kind, detail),
    status: request.status,
    code: detail.code,
    subcode: detail.error_subcode,
    fbtraceId: detail.fbtrace_id ?? request.fbtraceId,
    method: request.method,
    path: request.path
  })
}

/** fetch rejected: timeout, cancellation, or a network failure, each with its own sentence. */
export function graphErrorFromThrown(
  thrown: unknown,
  request: Omit<RequestInfo, 'status'>,
  timeoutMs: number
): GraphError {
  const base = { kind: 'unavailable' as const, method: request.method, path: request.path }
  const name = thrown instanceof Error ? thrown.name : ''
  if (name === 'TimeoutError')
    return new GraphError({
      ...base,
      timedOut: true,
      userWords: NETWORK_WORDS.timeout,
      message: `Graph ${request.method} ${request.path} timed out after ${timeoutMs} ms`
    })
  if (name === 'AbortError')
    return new GraphError({
      ...base,
      message: `Graph ${request.method} ${request.path} was cancelled`
    })
  const failure = networkFailure(thrown)
  return new GraphError({
    ...base,
    timedOut: failure === 'timeout',
    network: failure,
    userWords: NETWORK_WORDS[failure],
    message: `Graph ${request.method} ${request.path} failed: ${describeThrown(thrown)}`
  })
}

/** "fetch failed" alone says nothing; the cause (ECONNREFUSED, ENOTFOUND...) does. */
function describeThrown(thrown: unknown): string {
  if (!(thrown instanceof Error)) return String(thrown)
  const cause = thrown.cause
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code
    return `${thrown.message} (${code ? `${code}: ` : ''}${cause.message})`
  }
  return thrown.message
}
