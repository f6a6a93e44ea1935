/**
 * One Graph request: URL, credentials, appsecret_proof, timeout, response parsing, error mapping
 * and the debug log line. Knows nothing about calls; `client.ts` builds the requests.
 */
import { createHmac } from 'node:crypto'
import type { z } from 'zod'
import { GraphErrorBody } from '../../../shared/graph'
import { registerSecret, silentLogger, type Logger } from '../log'
import { graphErrorFromBody, graphErrorFromThrown, type RequestContext } from './classify'
import { words } from '../../../shared/words'
import { GraphError } from './errors'

export interface GraphCredentials {
  pageId: string
  pageAccessToken: string
  appId: string
  appSecret: string
}

/**
 * Read on every request: the owner can reconnect the Page (new token, maybe a new Page) at any time.
 * Missing fields make the requests that need them fail as `not-configured`.
 */
export type CredentialsSource = () => Partial<GraphCredentials> | undefined

export const DEFAULT_GRAPH_HOST = 'https://graph.facebook.com'
export const DEFAULT_GRAPH_VERSION = 'v26.0'
/** Call actions: Meta answers accept within a second or two; 10 s leaves room inside the 60 s ring. */
export const DEFAULT_TIMEOUT_MS = 10_000

export interface GraphTransportOptions {
  credentials: CredentialsSource
  host?: string | undefined
  version?: string | undefined
  logger?: Logger | undefined
  timeoutMs?: number | undefined
}

/** Who a request speaks for: the Page (Page token) or the app (`{app-id}|{app-secret}`). */
export type AuthKind = 'page' | 'app'

export interface GraphAuth {
  kind: AuthKind
  /** The Page id or the app id, for paths like `/{page-id}/calls`. */
  id: string
  token: string
  proof: string
}

export type HttpMethod = 'GET' | 'POST' | 'DELETE'

export interface GraphRequest<S extends z.ZodType> {
  auth: GraphAuth
  method: HttpMethod
  /** Path segments after the version; each is URL-encoded here, so an id can never add a segment. */
  path: readonly string[]
  query?: Record<string, string> | undefined
  /** Sent as JSON. */
  body?: unknown
  schema: S
  context: RequestContext
  timeoutMs?: number | undefined
  signal?: AbortSignal | undefined
}

export function appsecretProof(token: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(token).digest('hex')
}

export class GraphTransport {
  readonly host: string
  readonly version: string
  private readonly credentials: CredentialsSource
  private readonly log: Logger
  private readonly timeoutMs: number

  constructor(options: GraphTransportOptions) {
    this.host = (options.host ?? DEFAULT_GRAPH_HOST).replace(/\/+$/, '')
    this.version = (options.version ?? DEFAULT_GRAPH_VERSION).replace(/^\/+|\/+$/g, '')
    const parsed = new URL(this.host)
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
      throw new Error(`Graph host must be an http(s) URL, got ${parsed.protocol}`)
    this.credentials = options.credentials
    this.log = options.logger ?? silentLogger
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  }

  /** The current Page id, if one is configured (no secret involved). */
  pageId(): string | undefined {
    return this.credentials()?.pageId || undefined
  }

  /** Reads the credentials now and derives the token and proof; throws `not-configured` if incomplete. */
  auth(kind: AuthKind): GraphAuth {
    const creds = this.credentials() ?? {}
    registerSecret(creds.pageAccessToken)
    registerSecret(creds.appSecret)
    const secret = creds.appSecret
    if (kind === 'page') {
      if (!creds.pageId || !creds.pageAccessToken || !secret)
        throw notConfigured('Page id, Page token or app secret')
      return {
        kind,
        id: creds.pageId,
        token: creds.pageAccessToken,
        proof: this.proof(creds.pageAccessToken, secret)
      }
    }
    if (!creds.appId || !secret) throw notConfigured('app id or app secret')
    const token = `${creds.appId}|${secret}`
    return { kind, id: creds.appId, token, proof: this.proof(token, secret) }
  }

  private proof(token: string, secret: string): string {
    const proof = appsecretProof(token, secret)
    registerSecret(proof)
    return proof
  }

  async send<S extends z.ZodType>(request: GraphRequest<S>): Promise<z.output<S>> {
    // Encoding stops `/` and `?`, but `..` would still climb out of the versioned path.
    if (request.path.some((segment) => segment === '' || segment === '.' || segment === '..'))
      throw new GraphError({
        kind: 'other',
        message: `Graph path has an empty or dot segment: ${request.path.join('/')}`,
        userWords: words('graph.badId')
      })
    const path = `/${this.version}/${request.path.map(encodeURIComponent).join('/')}`
    const query = new URLSearchParams({ ...request.query, appsecret_proof: request.auth.proof })
    const timeoutMs = request.timeoutMs ?? this.timeoutMs
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout
    // A profile's path is the caller's PSID: personal data, kept out of logs and error fields.
    const loggedPath = request.context === 'profile' ? `/${this.version}/{psid}` : path
    const info = { method: request.method, path: loggedPath, context: request.context }
    const started = performance.now()
    const headers: Record<string, string> = {
      authorization: `Bearer ${request.auth.token}`,
      accept: 'application/json'
    }
    if (request.body !== undefined) headers['content-type'] = 'application/json'

    let status: number
    let text: string
    let fbtraceId: string | undefined
    try {
      const response = await fetch(`${this.host}${path}?${query}`, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
        // Graph API calls never redirect; following one would carry the Bearer token elsewhere.
        redirect: 'manual'
      })
      status = response.status
      fbtraceId = response.headers.get('x-fb-trace-id') ?? undefined
      text = await response.text()
    } catch (thrown) {
      const error = graphErrorFromThrown(thrown, info, timeoutMs)
      this.logDone(info, undefined, started, undefined, error)
      throw error
    }

    try {
      const value = parseResponse(text, status, request.schema, { ...info, status, fbtraceId })
      this.logDone(info, status, started, fbtraceId)
      return value
    } catch (error) {
      this.logDone(info, status, started, fbtraceId, error)
      throw error
    }
  }

  private logDone(
    info: { method: string; path: string },
    status: number | undefined,
    started: number,
    fbtraceId: string | undefined,
    error?: unknown
  ): void {
    const ms = Math.round(performance.now() - started)
    const fields = { method: info.method, path: info.path, status, ms, fbtraceId }
    if (error instanceof GraphError)
      this.log.debug('graph request failed', {
        ...fields,
        fbtraceId: error.fbtraceId ?? fbtraceId,
        kind: error.kind,
        code: error.code,
        subcode: error.subcode
      })
    else this.log.debug('graph request', fields)
  }
}

function notConfigured(what: string): GraphError {
  return new GraphError({
    kind: 'not-configured',
    message: `Graph credentials incomplete: ${what} missing`
  })
}

function parseResponse<S extends z.ZodType>(
  text: string,
  status: number,
  schema: S,
  info: {
    method: string
    path: string
    status: number
    context: RequestContext
    fbtraceId?: string | undefined
  }
): z.output<S> {
  const where = `Graph ${info.method} ${info.path} (HTTP ${status})`
  const fail = (
    kind: 'invalid-response' | 'unavailable' | 'rate-limited',
    why: string
  ): GraphError =>
    new GraphError({
      kind,
      message: `${where}: ${why}`,
      status,
      fbtraceId: info.fbtraceId,
      method: info.method,
      path: info.path
    })

  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    // A proxy's HTML 502 page is an outage, not a protocol problem.
    if (status >= 500) throw fail('unavailable', 'server error with a non-JSON body')
    throw fail('invalid-response', `body is not JSON (${text.length} bytes)`)
  }

  const ok = status >= 200 && status < 300
  const errorBody = GraphErrorBody.safeParse(json)
  if (errorBody.success) throw graphErrorFromBody(errorBody.data.error, info)
  if (!ok) {
    if (status >= 500) throw fail('unavailable', 'server error without an error object')
    if (status === 429) throw fail('rate-limited', 'too many requests')
    throw fail('invalid-response', 'failed without an error object')
  }

  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    // Paths and zod's wording only: values could be SDP or personal data.
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ')
    throw fail('invalid-response', `unexpected shape (${issues})`)
  }
  return parsed.data
}
