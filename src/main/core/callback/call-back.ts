/**
 * Calling a customer back (docs section 7): check the permission, ask for it with the
 * `calling_optin` template when there is none (never past Meta's limit), hear the answer from the
 * `call_permission_reply` webhook, and place the call through the dialer. Every refusal leaves as
 * a sentence the owner can act on.
 */
import { ServiceError } from '../../../shared/api'
import {
  type CallPermissionChange,
  type CallPermissionInfo,
  type PlaceCallResult
} from '../../../shared/callback'
import { TypedEmitter } from '../shared/typed-emitter'
import type { ConnectResult, GraphCallsApi } from '../graph'
import { GraphError, toServiceError } from '../graph'
import type { Logger } from '../log'
import type { CallerLookup } from '../service/ports'
import { OutboundDialer, type DialerDeps, type OutboundInbox } from './outbound-dialer'
import { toPermissionInfo, type LocalPermission } from './permissions'
import { wordedError } from '../../../shared/words-english'

export type CallBackGraph = Pick<
  GraphCallsApi,
  'getCallPermissions' | 'sendCallPermissionRequest' | 'connectCall' | 'terminateCall'
>

export interface CallBackDeps {
  graph: CallBackGraph
  registry: DialerDeps['registry']
  /** The connected Page, or undefined when none is. */
  pageId: () => string | undefined
  /** Names for sentences; the call back works without one ("the customer"). */
  names?: CallerLookup | undefined
  now?: (() => number) | undefined
  logger: Logger
}

export interface CallBackEvents {
  permission: CallPermissionChange
}

export interface PermissionReply {
  psid: string
  approved: boolean
  /** Unix seconds. */
  expiresAt: number | undefined
}

/** A name lookup must not hold up a permission check for longer than this. */
const NAME_WAIT_MS = 1_500
/** Pending requests and "no" answers are remembered this long (Meta's request window). */
const REMEMBER_MS = 24 * 3600_000
/** How many customers' request states are kept; the oldest go first. */
const REMEMBERED_PEOPLE = 500

export class CallBack {
  private readonly emitter: TypedEmitter<CallBackEvents>
  private readonly local = new Map<string, LocalPermission>()
  private readonly dialer: OutboundDialer
  private readonly log: Logger
  private readonly now: () => number

  constructor(private readonly deps: CallBackDeps) {
    this.log = deps.logger.child('call-back')
    this.now = deps.now ?? Date.now
    this.emitter = new TypedEmitter((error) =>
      this.log.error('a permission listener failed', { error: String(error) })
    )
    this.dialer = new OutboundDialer({
      registry: deps.registry,
      connect: (psid, sdp) => deps.graph.connectCall(psid, sdp),
      terminate: (callId) => deps.graph.terminateCall(callId),
      now: this.now,
      logger: this.log
    })
  }

  on<K extends keyof CallBackEvents>(
    event: K,
    listener: (payload: CallBackEvents[K]) => void
  ): () => void {
    return this.emitter.on(event, listener)
  }

  /** The outbound calls' side of the webhook: routeWebhookEvents hands it only their events. */
  get outbound(): OutboundInbox {
    return this.dialer
  }

  /** The customer answered our request (`call_permission_reply`). */
  handlePermissionReply(reply: PermissionReply): void {
    const at = this.now()
    const expiresAt = reply.expiresAt === undefined ? undefined : reply.expiresAt * 1000
    this.remember(
      reply.psid,
      reply.approved ? { state: 'approved', at, expiresAt } : { state: 'rejected', at }
    )
    this.log.info('call permission reply', { approved: reply.approved })
    this.emitter.emit('permission', {
      psid: reply.psid,
      status: reply.approved ? 'has_permission' : 'rejected',
      expiresAt
    })
  }

  async check(psid: string): Promise<CallPermissionInfo> {
    this.requirePage()
    const [graph, name] = await Promise.all([
      this.deps.graph.getCallPermissions(psid).catch((error: unknown) => {
        throw this.explain(error, 'check')
      }),
      this.nameOf(psid)
    ])
    const info = toPermissionInfo({
      psid,
      name: name ?? 'the customer',
      graph,
      local: this.recall(psid),
      now: this.now()
    })
    // Graph's grant wins over anything remembered; a stale "pending" must not linger after it.
    if (info.status === 'has_permission') this.local.delete(psid)
    return info
  }

  /**
   * Sends the `calling_optin` request, after a fresh check: a customer who already allows calls
   * is not asked again, and a request past Meta's limit is refused here, not by Meta.
   */
  async request(psid: string): Promise<CallPermissionInfo> {
    const before = await this.check(psid)
    if (before.status === 'has_permission') return before
    if (!before.canRequest) {
      throw before.requestBlocked
        ? new ServiceError('conflict', before.requestBlocked)
        : wordedError('conflict', 'callBack.noMoreRequests')
    }
    try {
      await this.deps.graph.sendCallPermissionRequest(psid)
    } catch (error) {
      throw this.explain(error, 'request')
    }
    const requestedAt = this.now()
    this.remember(psid, { state: 'pending', requestedAt })
    this.emitter.emit('permission', { psid, status: 'pending' })
    // Read again: Graph counts the request we just sent against the limit.
    return this.check(psid).catch((): CallPermissionInfo => ({
      ...before,
      status: 'pending',
      requestedAt,
      summary: `Waiting for the customer to allow calls…`
    }))
  }

  /** Places the call with the UI's offer; the call is in the registry before this resolves. */
  async place(
    psid: string,
    offerSdp: string,
    clientId: string,
    deskName?: string
  ): Promise<PlaceCallResult> {
    const pageId = this.requirePage()
    let result: ConnectResult
    try {
      result = await this.dialer.place({ psid, pageId, clientId, deskName, offerSdp })
    } catch (error) {
      const failure = this.explain(error, 'call', await this.nameOf(psid))
      this.log.warn('call back failed', { error: failure.message })
      throw failure
    }
    return { callId: result.callId, answer: result.answer, renegotiation: result.renegotiation }
  }

  dispose(): void {
    this.dialer.dispose()
    this.emitter.clear()
  }

  private requirePage(): string {
    const pageId = this.deps.pageId()
    if (!pageId) throw wordedError('not-configured', 'callBack.noPage')
    return pageId
  }

  private remember(psid: string, state: LocalPermission): void {
    this.local.delete(psid)
    this.local.set(psid, state)
    if (this.local.size > REMEMBERED_PEOPLE) {
      const oldest = this.local.keys().next().value
      if (oldest !== undefined) this.local.delete(oldest)
    }
  }

  private recall(psid: string): LocalPermission | undefined {
    const state = this.local.get(psid)
    if (!state) return undefined
    const since = state.state === 'pending' ? state.requestedAt : state.at
    if (this.now() - since <= REMEMBER_MS) return state
    this.local.delete(psid)
    return undefined
  }

  private async nameOf(psid: string): Promise<string | undefined> {
    const lookup = this.deps.names?.lookup(psid)
    if (!lookup) return undefined
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<undefined>((resolve) => {
      // Timer "caller name wait" (once per call back).
      timer = setTimeout(() => resolve(undefined), NAME_WAIT_MS)
    })
    try {
      const found = await Promise.race([lookup.catch(() => undefined), timeout])
      return found?.name
    } finally {
      clearTimeout(timer)
    }
  }

  /** Graph's refusals in the words of this flow; the generic Graph sentence otherwise. */
  private explain(error: unknown, step: 'check' | 'request' | 'call', name?: string) {
    if (error instanceof ServiceError) return error
    if (!(error instanceof GraphError)) return toServiceError(error)
    this.log.warn(`call back ${step} refused by Graph`, error.toLogFields())
    if (error.subcode === 2018001 || /no matching user/i.test(error.message)) {
      return name === undefined
        ? wordedError('graph', 'callBack.unknownCustomerUnnamed')
        : wordedError('graph', 'callBack.unknownCustomer', { name })
    }
    const customerRefused =
      step === 'call' &&
      (error.code === 10 || error.kind === 'permission') &&
      !/pages_|business_/i.test(error.message)
    if (customerRefused) {
      return name === undefined
        ? wordedError('conflict', 'callBack.notAllowedUnnamed')
        : wordedError('conflict', 'callBack.notAllowed', { name })
    }
    if (error.kind === 'rate-limited' && step === 'request') {
      return wordedError('conflict', 'callBack.requestsPerDay')
    }
    return error.toServiceError()
  }
}
