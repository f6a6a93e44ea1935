/**
 * The one error type the Graph client throws. `message` is for the log (technical, redacted);
 * `userMessage` is for the owner: a sentence that says what to do. Neither ever holds a token,
 * the app secret or an appsecret_proof: both pass through `redactText` on the way in.
 */
import { ServiceError } from '../../../shared/api'
import { redactText } from '../log'
import type { NetworkFailure } from './network'

export type GraphErrorKind =
  | 'token-expired'
  | 'permission'
  | 'rate-limited'
  | 'unknown-call'
  | 'call-state'
  | 'bad-media'
  | 'unavailable'
  | 'invalid-response'
  | 'not-configured'
  | 'other'

export interface GraphErrorInit {
  kind: GraphErrorKind
  /** Technical description for the log; redacted here. */
  message: string
  /** Defaults to the kind's sentence (see `defaultUserMessage`). */
  userMessage?: string | undefined
  /** HTTP status, when Graph answered at all. */
  status?: number | undefined
  code?: number | undefined
  subcode?: number | undefined
  fbtraceId?: string | undefined
  method?: string | undefined
  /** Request path without the query (the query holds appsecret_proof). */
  path?: string | undefined
  /** The request ran out of time (a subset of `unavailable`). */
  timedOut?: boolean | undefined
  /** Facebook was never reached, and why (a subset of `unavailable`; see network.ts). */
  network?: NetworkFailure | undefined
}

const USER_MESSAGES: Record<GraphErrorKind, string> = {
  'token-expired':
    "Facebook no longer accepts this app's access to your Page. Reconnect the Page in Settings.",
  permission:
    'Facebook says this app is missing a permission; reconnect the Page in Settings and allow everything it asks for.',
  'rate-limited': 'Facebook is limiting requests right now. Wait a few minutes and try again.',
  'unknown-call': 'This call no longer exists on Facebook; the caller may have hung up.',
  'call-state': 'This call has already ended on Facebook, so there is nothing left to do with it.',
  'bad-media':
    "Facebook could not use this computer's audio connection details; try again, and restart the app if it keeps happening.",
  // Graph's own outages (5xx, codes 1 and 2); timeouts and network failures say what happened.
  unavailable: 'Facebook is having trouble right now; try again in a few minutes.',
  'invalid-response':
    'Facebook sent a reply this app could not read; try again, and update the app if it keeps happening.',
  'not-configured': 'No Facebook Page is connected yet; connect one in Settings.',
  other: 'Facebook refused the request; try again, and check the log if it keeps happening.'
}

export function defaultUserMessage(kind: GraphErrorKind): string {
  return USER_MESSAGES[kind]
}

export class GraphError extends Error {
  override readonly name = 'GraphError'
  readonly kind: GraphErrorKind
  readonly userMessage: string
  readonly status: number | undefined
  readonly code: number | undefined
  readonly subcode: number | undefined
  readonly fbtraceId: string | undefined
  readonly method: string | undefined
  readonly path: string | undefined
  readonly timedOut: boolean
  readonly network: NetworkFailure | undefined

  constructor(init: GraphErrorInit) {
    super(redactText(init.message))
    this.kind = init.kind
    this.userMessage = redactText(init.userMessage ?? defaultUserMessage(init.kind))
    this.status = init.status
    this.code = init.code
    this.subcode = init.subcode
    this.fbtraceId = init.fbtraceId
    this.method = init.method
    this.path = init.path
    this.timedOut = init.timedOut ?? false
    this.network = init.network
  }

  /** Worth retrying later without the owner changing anything. */
  get transient(): boolean {
    return this.kind === 'unavailable' || this.kind === 'rate-limited'
  }

  /** Everything a log line needs to find the request again at Meta (fbtrace_id), nothing secret. */
  toLogFields(): Record<string, string | number | boolean | undefined> {
    return {
      kind: this.kind,
      error: this.message,
      status: this.status,
      code: this.code,
      subcode: this.subcode,
      fbtraceId: this.fbtraceId,
      method: this.method,
      path: this.path
    }
  }

  toServiceError(): ServiceError {
    return new ServiceError(
      this.kind === 'not-configured' ? 'not-configured' : 'graph',
      this.userMessage
    )
  }
}

export function isGraphError(value: unknown): value is GraphError {
  return value instanceof GraphError
}

/**
 * What a service command throws after a Graph step failed: the GraphError's sentence, a
 * ServiceError unchanged, anything else as an internal error (its text stays in the log).
 */
export function toServiceError(error: unknown): ServiceError {
  if (error instanceof ServiceError) return error
  if (error instanceof GraphError) return error.toServiceError()
  return new ServiceError(
    'internal',
    'Something went wrong while talking to Facebook; try again, and check the log if it keeps happening.'
  )
}

/** Graph answered 200 with `success: false`: it gives no reason, so neither can we. */
export function refused(what: string, pageId: string): GraphError {
  return new GraphError({
    kind: 'other',
    message: `Graph answered success:false to ${what} (Page ${pageId})`,
    userMessage: `Facebook did not confirm the request to ${what}; try again in a moment.`
  })
}
