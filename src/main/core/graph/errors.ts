/**
 * The one error type the Graph client throws. `message` is for the log (technical, redacted);
 * `userWords` is for the owner: a sentence that says what to do, as words each window puts in its
 * own language (`userMessage` is it in English). Neither ever holds a token, the app secret or an
 * appsecret_proof: both pass through `redactText` on the way in.
 */
import { ServiceError } from '../../../shared/api'
import { englishWords, wordedError } from '../../../shared/words-english'
import { words, type WordParam, type Words } from '../../../shared/words'
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
  /** Defaults to the kind's sentence (see `defaultUserWords`). */
  userWords?: Words | undefined
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

// Graph's own outages (5xx, codes 1 and 2) are `unavailable`; timeouts and network failures
// say what happened (network.ts).
const USER_WORDS: Record<GraphErrorKind, Words> = {
  'token-expired': words('graph.tokenExpired'),
  permission: words('graph.permission'),
  'rate-limited': words('graph.rateLimited'),
  'unknown-call': words('graph.unknownCall'),
  'call-state': words('graph.callState'),
  'bad-media': words('graph.badMedia'),
  unavailable: words('graph.unavailable'),
  'invalid-response': words('graph.invalidResponse'),
  'not-configured': words('graph.notConfigured'),
  other: words('graph.other')
}

export function defaultUserWords(kind: GraphErrorKind): Words {
  return USER_WORDS[kind]
}

/** Graph's own texts among the parameters could quote a token: redacted like the log line. */
function redactWords(said: Words): Words {
  if (!said.params) return said
  const params: Record<string, WordParam> = {}
  for (const [name, value] of Object.entries(said.params)) {
    params[name] =
      typeof value === 'string'
        ? redactText(value)
        : typeof value === 'number'
          ? value
          : redactWords(value)
  }
  return { key: said.key, params }
}

export class GraphError extends Error {
  override readonly name = 'GraphError'
  readonly kind: GraphErrorKind
  readonly userWords: Words
  /** `userWords` in English. */
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
    this.userWords = redactWords(init.userWords ?? defaultUserWords(init.kind))
    this.userMessage = englishWords(this.userWords)
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
      this.userMessage,
      this.userWords
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
  return wordedError('internal', 'graph.unexpected')
}

/** What the app asked Graph to do, for a refusal that gives no reason. */
export type GraphRequestAim =
  | 'acceptCall'
  | 'declineCall'
  | 'endCall'
  | 'startCall'
  | 'storeMetrics'
  | 'subscribeApp'
  | 'subscribePage'
  | 'updateCallSettings'

/** Graph answered 200 with `success: false`: it gives no reason, so neither can we. */
export function refused(aim: GraphRequestAim, pageId: string): GraphError {
  return new GraphError({
    kind: 'other',
    message: `Graph answered success:false to ${aim} (Page ${pageId})`,
    userWords: words(`graph.notConfirmed.${aim}`)
  })
}
