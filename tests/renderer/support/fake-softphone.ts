/**
 * A hand-written SoftphoneBridge: it records every command the renderer sends, answers each with a
 * configurable result (or failure), and lets a test emit service events as the core would.
 */
import type {
  AcceptResult,
  CommandName,
  CommandRequest,
  CommandResults,
  CoreStatus,
  EventName,
  SoftphoneEvents
} from '../../../src/shared/api'
import { createApi } from '../../../src/shared/api-names'
import type { Call } from '../../../src/shared/calls'
import type { IceServer } from '../../../src/shared/ice'
import { defaultSettings } from '../../../src/shared/settings'
import type { SoftphoneBridge } from '../../../src/preload/bridge'
import { permissionInfo } from './call-back'
import { timeline } from './fake-webrtc'
import type { DeskSummary } from '../../../src/shared/desks'
import type { CallBackTask } from '../../../src/shared/call-back-tasks'

export interface SentCommand {
  command: CommandName
  request: unknown
}

type Responder<K extends CommandName> = (
  request: CommandRequest<K>
) => CommandResults[K] | Promise<CommandResults[K]>

type Responders = { [K in CommandName]: Responder<K> }

export const META_ANSWER = 'v=0 meta-answer'
export const META_RENEGOTIATION = 'v=0 meta-renegotiation'

export function coreStatus(configured = true): CoreStatus {
  return {
    page: configured ? { configured: true, pageId: '1001' } : { configured: false },
    webhookUrl: 'http://127.0.0.1:47800/webhook',
    publicUrl: null,
    tunnel: { state: 'off' },
    registration: { state: 'not-needed', reason: 'no-public-url' },
    // Meta accepted the token just now: the Page counts as connected.
    pageHealth: configured ? { state: 'ok', checkedAt: Date.now() } : { state: 'not-configured' },
    lastHandshakeAt: null
  }
}

export class FakeSoftphone {
  readonly sent: SentCommand[] = []
  clientId = 'desk-1'
  /** What `hello` returns besides the client id. */
  calls: Call[] = []
  status: CoreStatus = coreStatus()
  settings = defaultSettings()
  /** What `getIceServers` returns for any call. */
  iceServers: IceServer[] = []
  turnPasswordSaved = false
  /** The hub's desks, as `listDesks` and `removeDesk` return them. */
  desks: DeskSummary[] = []
  /** The To call back list every task command answers with. */
  tasks: CallBackTask[] = []
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>()
  private readonly responders: Responders = {
    hello: () => ({ clientId: this.clientId, status: this.status, calls: this.calls }),
    listCalls: () => this.calls,
    accept: (): AcceptResult => ({ answer: META_ANSWER, renegotiation: META_RENEGOTIATION }),
    decline: () => undefined,
    hangUp: () => undefined,
    reportMediaFailure: () => undefined,
    listHistory: () => [],
    getStatus: () => this.status,
    getSettings: () => this.settings,
    updateSettings: () => this.settings,
    getIceServers: () => ({ iceServers: this.iceServers }),
    turnPassword: (request) => {
      if (request.password !== undefined) this.turnPasswordSaved = request.password !== null
      return { saved: this.turnPasswordSaved }
    },
    startTestCall: () => ({ callId: 'test-call-1' }),
    reportCallQuality: () => undefined,
    getMissedCalls: () => ({ unseen: 0 }),
    markHistorySeen: () => ({ unseen: 0 }),
    getCallerPhotos: () => ({}),
    getPageConnection: () => ({ configured: false, hasToken: false, hasAppSecret: false }),
    saveCredentials: (request) => ({
      connection: {
        configured: true,
        pageId: request.pageId,
        appId: request.appId,
        hasToken: true,
        hasAppSecret: true
      }
    }),
    removePage: () => ({ configured: false, hasToken: false, hasAppSecret: false }),
    runSetupChecks: () => ({ checks: [], checkedAt: 0, ready: true }),
    fixSetup: () => ({ checks: [], checkedAt: 0, ready: true }),
    checkCallPermission: (request) => permissionInfo({ psid: request.psid }),
    requestCallPermission: (request) => permissionInfo({ psid: request.psid, status: 'pending' }),
    placeCall: () => ({ callId: 'out-1', answer: META_ANSWER, renegotiation: META_RENEGOTIATION }),
    takeOverWebhook: () => ({
      owner: { state: 'this-desk', url: 'https://desk.example/webhook', checkedAt: Date.now() }
    }),
    listDesks: () => ({ desks: this.desks }),
    addDesk: (request) => ({
      name: request.name,
      code: `https://hub.example/#msp1.code-for-${request.name}`,
      hubUrl: 'https://hub.example',
      expiresAt: Date.now() + 600_000
    }),
    removeDesk: (request) => {
      this.desks = this.desks.filter((desk) => desk.name !== request.name)
      return { desks: this.desks }
    },
    joinHub: () => ({ hubName: 'Front desk' }),
    leaveHub: () => ({ removedAtHub: true }),
    listPastHistory: () => [],
    getBusinessHours: () => ({ saved: null, page: null, differs: false }),
    saveBusinessHours: (request) => ({ saved: request.hours, page: request.hours, differs: false }),
    sendCallButton: () => ({ state: 'sent', at: 0 }),
    listCallBackTasks: () => ({ tasks: this.tasks }),
    claimCallBackTask: () => ({ tasks: this.tasks }),
    releaseCallBackTask: () => ({ tasks: this.tasks }),
    closeCallBackTask: () => ({ tasks: this.tasks }),
    reopenCallBackTask: () => ({ tasks: this.tasks })
  }

  /** The bridge to hand to `useSoftphoneBridge` (or to put on `window.softphone`). */
  readonly bridge: SoftphoneBridge = {
    ...createApi((command, request) => this.run(command, request)),
    on: (event, listener) => {
      const set = this.listeners.get(event) ?? new Set()
      set.add(listener as (payload: never) => void)
      this.listeners.set(event, set)
      return () => set.delete(listener as (payload: never) => void)
    }
  }

  /** Answers `command` with `responder` from now on (it may return a promise, or throw). */
  respond<K extends CommandName>(command: K, responder: Responder<K>): void {
    ;(this.responders as { [C in K]: Responder<C> })[command] = responder
  }

  /** Makes `command` fail with `error` (e.g. a ServiceError with a sentence). */
  fail(command: CommandName, error: Error): void {
    this.respond(command, () => {
      throw error
    })
  }

  /** Delivers a service event to every listener, as the core's broadcast would. */
  emit<K extends EventName>(event: K, payload: SoftphoneEvents[K]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      ;(listener as (payload: SoftphoneEvents[K]) => void)(payload)
    }
  }

  listenerCount(event: EventName): number {
    return this.listeners.get(event)?.size ?? 0
  }

  /** The requests sent with `command`, oldest first. */
  requests<K extends CommandName>(command: K): CommandRequest<K>[] {
    return this.sent
      .filter((sent) => sent.command === command)
      .map((sent) => sent.request as CommandRequest<K>)
  }

  /** Command names in the order they were sent. */
  commandNames(): CommandName[] {
    return this.sent.map((sent) => sent.command)
  }

  private async run(command: CommandName, request: unknown): Promise<unknown> {
    this.sent.push({ command, request })
    timeline.push(`service.${command}`)
    const responder = this.responders[command] as (request: unknown) => unknown
    return responder(request)
  }
}
