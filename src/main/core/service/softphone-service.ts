/**
 * The service API every UI talks to (see src/shared/api.ts). It is transport-agnostic: IPC, the
 * WebSocket bridge and tests all call `dispatch` with a client identity, and receive events through
 * `attach`. Several clients may be attached at once; all of them ring, and the registry settles who
 * answers first.
 */
import type {
  CommandName,
  CommandResults,
  CoreStatus,
  EventMessage,
  ParsedCommandRequest
} from '../../../shared/api'
import type { Call, EndedCall } from '../../../shared/calls'
import type { Settings } from '../../../shared/settings'
import type { WebhookOwner } from '../../../shared/webhook-owner'
import { hubRoleCommands, type JoinHub } from '../desk/hub-role-commands'
import { businessHoursCommands } from './business-hours-commands'
import { followUpCommands, type FollowUpServicePort } from './follow-up-commands'
import * as tasks from './call-back-task-commands'
import type { Logger } from '../log'
import { ConfigError, configFailure } from '../config/errors'
import type { SecretStore } from '../config/secrets'
import { CallActions } from './call-actions'
import { callNotFound } from '../calls/errors'
import * as views from './client-views'
import { checkAccess } from './command-policy'
import { HistoryService } from './history-service'
import { IceService } from './ice-service'
import { commandNamed, parseRequest } from './parse-command'
import type { OnboardingPort } from '../onboarding/onboarding'
import type {
  CallBackPort,
  DesksPort,
  CallControl,
  CallerLookup,
  HistoryPort,
  MetricsPort,
  RegistryPort,
  SettingsPort,
  TestCallPort
} from './ports'
import { wordedError } from '../../../shared/words-english'

/**
 * What a client may do: the owner's own windows (IPC, the loopback bridge) act for the whole
 * business; a seat (another desk, over the seat link) only rings, answers and works calls. The
 * rules are the table in ./command-policy.ts; what each client is shown, ./client-views.ts.
 */
export type ClientRole = 'owner' | 'seat'

export interface ClientHandle {
  readonly id: string
  /** Absent: 'owner' (every local transport). */
  readonly role?: ClientRole | undefined
  /** The desk this client belongs to, as people know it ("Front desk"); absent: this desk. */
  readonly deskName?: string | undefined
  send(message: EventMessage): void
}

export interface SoftphoneServiceDeps extends tasks.CallBackTaskDeps {
  registry: RegistryPort
  /** The Graph calls for a given call; test calls go to the built-in simulator, real ones to Meta. */
  callControl: (call: Call) => CallControl
  history: HistoryPort
  profiles?: CallerLookup | undefined
  /** Meta's call_metrics, for the quality figures the owner chose to share; absent: never sent. */
  metrics?: MetricsPort | undefined
  status: () => CoreStatus
  settings: SettingsPort
  testCall?: TestCallPort | undefined
  /** Calling customers back; without it those commands say the feature is unavailable. */
  callBack?: CallBackPort | undefined
  /** Saving the Page and the setup checks; without it those commands say they are unavailable. */
  onboarding?: OnboardingPort | undefined
  /** Where the TURN password is kept; without it calls use STUN only. */
  secrets?: Pick<SecretStore, 'get' | 'set'> | undefined
  /** Who receives the app's webhook (core/webhook-owner); without it take-over is unavailable. */
  webhookOwner?: { takeOver(): Promise<WebhookOwner> } | undefined
  /** The hub's desks (seats); without it those commands say this desk has none. */
  desks?: DesksPort | undefined
  /** Makes this desk a seat of another hub (core/desk); without it joining is unavailable. */
  joinHub?: JoinHub | undefined
  /** The missed-call follow-up (core/follow-up); without it the call button is unavailable. */
  followUp?: FollowUpServicePort | undefined
  logger: Logger
}

type Handlers = {
  [K in CommandName]: (
    request: ParsedCommandRequest<K>,
    client: ClientHandle
  ) => Promise<CommandResults[K]>
}
/** Ended calls the registry still keeps (as tombstones) are far fewer than this. */
const RECORDED_IDS_KEPT = 1000

export class SoftphoneService {
  private readonly clients = new Map<string, ClientHandle>()
  /** Calls whose history record exists, so later changes to them update it (oldest first). */
  private readonly recorded = new Set<string>()
  private readonly unsubscribe: (() => void)[] = []
  private readonly log: Logger
  private readonly handlers: Handlers
  private readonly history: HistoryService
  private readonly ice: IceService
  private readonly calls: CallActions
  /** The settings as last told to clients, to see when which desks ring changes. */
  private ringingSettings: Settings

  constructor(private readonly deps: SoftphoneServiceDeps) {
    this.log = deps.logger.child('service')
    this.ringingSettings = deps.settings.get()
    this.history = new HistoryService({
      registry: deps.registry,
      history: deps.history,
      profiles: deps.profiles,
      metrics: deps.metrics,
      settings: deps.settings,
      broadcast: (message) => this.broadcast(message),
      logger: this.log
    })
    this.calls = new CallActions({
      registry: deps.registry,
      callControl: deps.callControl,
      logger: this.log
    })
    this.ice = new IceService({
      registry: deps.registry,
      settings: deps.settings,
      secrets: deps.secrets,
      canCallBack: deps.callBack !== undefined,
      logger: this.log
    })
    this.handlers = {
      hello: async (_request, client) => ({
        clientId: client.id,
        status: views.statusFor(deps.status(), client),
        calls: this.callsFor(client)
      }),
      listCalls: async (_request, client) => this.callsFor(client),
      accept: (request, client) =>
        this.calls.accept(request.callId, request.sdp, client.id, this.deskNameOf(client)),
      decline: (request) => this.calls.decline(request.callId),
      hangUp: (request) => this.calls.hangUp(request.callId),
      reportMediaFailure: (request) => this.calls.mediaFailed(request.callId, request.reason),
      listHistory: async (request) => deps.history.list(request),
      getStatus: async (_request, client) => views.statusFor(deps.status(), client),
      getSettings: async () => deps.settings.get(),
      updateSettings: async (patch) => {
        try {
          return await deps.settings.update(patch)
        } catch (error) {
          if (error instanceof ConfigError) throw configFailure('invalid-request', error)
          throw error
        }
      },
      getIceServers: (request, client) => {
        // ICE for a call back (by psid) is allowed exactly when placing that call is.
        if ('psid' in request) checkAccess('placeCall', client.role, () => deps.settings.get())
        return this.ice.serversFor(request, client)
      },
      turnPassword: (request) => this.ice.turnPassword(request.password),
      startTestCall: async (_request, client) => {
        if (!deps.testCall) {
          throw wordedError('not-configured', 'service.testCallUnavailable')
        }
        return { callId: await deps.testCall.start(views.deskKey(client)) }
      },
      reportCallQuality: (request, client) => this.history.reportQuality(request, client),
      getMissedCalls: async (_request, client) => this.history.missedCalls(views.deskKey(client)),
      markHistorySeen: (_request, client) => this.history.markSeen(views.deskKey(client)),
      getCallerPhotos: (request) => this.history.photos(request.psids),
      checkCallPermission: (request) => this.callBack().check(request.psid),
      requestCallPermission: (request) => this.callBack().request(request.psid),
      placeCall: (request, client) =>
        this.callBack().place(request.psid, request.sdp, client.id, this.deskNameOf(client)),
      getPageConnection: async () => this.onboarding().connection(),
      saveCredentials: (request) => this.onboarding().save(request),
      removePage: () => this.onboarding().removePage(),
      runSetupChecks: () => this.onboarding().runChecks(),
      fixSetup: (request) => this.onboarding().fix(request.action),
      takeOverWebhook: async () => {
        if (!deps.webhookOwner) throw wordedError('not-configured', 'service.takeOverUnavailable')
        return { owner: await deps.webhookOwner.takeOver() }
      },
      listDesks: () => this.desks().list(),
      addDesk: (request) => this.desks().add(request.name),
      removeDesk: (request) => this.desks().remove(request.name),
      ...hubRoleCommands(deps.joinHub, () => this.desks()),
      ...businessHoursCommands({ ...deps, callSettings: () => this.onboarding().callSettings() }),
      ...followUpCommands(deps.followUp, (message) => this.broadcast(message), this.unsubscribe),
      ...tasks.callBackTaskCommands(deps, (message) => this.broadcast(message), this.unsubscribe)
    }
    this.unsubscribe.push(
      deps.registry.on('call', (call) => {
        this.broadcast({ event: 'callUpdated', payload: call })
        // An outbound call starts answering (we placed it): its name is looked up then.
        const starts =
          call.state === 'ringing' || (call.direction === 'outbound' && call.state === 'answering')
        if (starts && call.caller.name === undefined) this.lookUpCaller(call)
        // Details can arrive after the end (the caller's name, the connect of a call whose
        // terminate came first): the history record written at the end is brought up to date.
        if (call.state === 'ended' && this.recorded.has(call.id)) void this.record(call)
      }),
      deps.registry.on('ended', (call) => {
        this.recorded.add(call.id)
        if (this.recorded.size > RECORDED_IDS_KEPT) {
          const oldest = this.recorded.values().next().value
          if (oldest !== undefined) this.recorded.delete(oldest)
        }
        void this.record(call)
      }),
      deps.registry.on('mediaOffer', (offer) =>
        this.broadcast({ event: 'mediaOffer', payload: offer })
      ),
      deps.settings.onChange((settings) => {
        this.broadcast({ event: 'settings', payload: settings })
        const calls = deps.registry.list()
        const retold = views.ringingToRetell(this.ringingSettings, settings, calls)
        for (const call of retold) this.broadcast({ event: 'callUpdated', payload: call })
        this.ringingSettings = settings
      }),
      this.ice.guardTurnPassword()
    )
    const desksChanged = deps.desks?.onChange?.((list) =>
      this.broadcast({ event: 'desks', payload: list })
    )
    if (desksChanged) this.unsubscribe.push(desksChanged)
    if (deps.callBack) {
      this.unsubscribe.push(
        deps.callBack.on('permission', (change) =>
          this.broadcast({ event: 'callPermission', payload: change })
        )
      )
    }
  }

  /** Connects a UI: it receives every event from now on. Returns the function that detaches it. */
  attach(client: ClientHandle): () => void {
    this.clients.set(client.id, client)
    return () => {
      this.clients.delete(client.id)
    }
  }

  /**
   * Runs a command for a client. The request is untrusted (it crossed IPC or a socket): it is
   * validated here, once, for every transport.
   */
  async dispatch(name: string, request: unknown, client: ClientHandle): Promise<unknown> {
    const command = commandNamed(name)
    // Before the request is even read: a refused command learns nothing from its validation.
    checkAccess(command, client.role, () => this.deps.settings.get())
    const parsed = parseRequest(command, request)
    // Another desk's test call is not this client's to see, so not to act on either.
    const callId = (parsed as { callId?: unknown }).callId
    const call = typeof callId === 'string' ? this.deps.registry.get(callId) : undefined
    if (call && !views.visibleTo(call, client)) throw callNotFound(call.id)
    const handler = this.handlers[command] as (
      req: unknown,
      client: ClientHandle
    ) => Promise<unknown>
    return handler(parsed, client)
  }

  /** Sends the current status to every client (the composition root calls it when it changes). */
  publishStatus(): void {
    this.broadcast({ event: 'status', payload: this.deps.status() })
  }

  dispose(): void {
    for (const off of this.unsubscribe.splice(0)) off()
    this.clients.clear()
  }

  private onboarding(): OnboardingPort {
    if (!this.deps.onboarding) {
      throw wordedError('not-configured', 'service.onboardingUnavailable')
    }
    return this.deps.onboarding
  }

  private desks(): DesksPort {
    if (!this.deps.desks) {
      throw wordedError('not-configured', 'service.desksUnavailableHere')
    }
    return this.deps.desks
  }

  private callBack(): CallBackPort {
    if (!this.deps.callBack) {
      throw wordedError('not-configured', 'service.callBackUnavailable')
    }
    return this.deps.callBack
  }

  private lookUpCaller(call: Call): void {
    const profiles = this.deps.profiles
    if (!profiles) return
    void profiles
      .lookup(call.caller.psid)
      .then((profile) => {
        if (profile && (profile.name !== undefined || profile.photo !== undefined)) {
          this.deps.registry.updateCaller(call.id, profile)
        }
      })
      // The call may be gone by the time the profile arrives (shutdown, a long-ended call).
      .catch((error: unknown) =>
        this.log.debug('caller profile arrived for a call no longer known', {
          callId: call.id,
          error: String(error)
        })
      )
  }

  private callsFor(client: ClientHandle): Call[] {
    const settings = this.deps.settings.get()
    return this.deps.registry
      .list()
      .filter((call) => views.visibleTo(call, client))
      .map((call) => views.callFor(call, client, settings))
  }

  private deskNameOf(client: ClientHandle): string | undefined {
    return views.deskNameOf(client, this.deps.settings.get())
  }

  private record(call: EndedCall): Promise<void> {
    return this.history.record(call)
  }

  private broadcast(message: EventMessage): void {
    const callOf = (callId: string): Call | undefined => this.deps.registry.get(callId)
    const settings = this.deps.settings.get()
    const unseenOf = (desk: string): number => this.history.missedCalls(desk).unseen
    for (const client of this.clients.values()) {
      try {
        const shown = views.eventFor(message, client, callOf, settings, unseenOf)
        if (shown) client.send(shown)
      } catch (error) {
        this.log.warn('a client could not take an event', {
          client: client.id,
          error: String(error)
        })
      }
    }
  }
}
