/**
 * The service a seat desk's own windows talk to (over IPC or its loopback bridge, unchanged): the
 * same contract as the hub's SoftphoneService, with call work forwarded to the hub, per-desk
 * settings kept here, and what only the hub's owner may do refused with a sentence naming the hub
 * (see seat-routes). Events from the hub reach every local client; while the hub is offline,
 * forwarded commands fail at once with the reason and hang ups wait to be sent.
 */
import type {
  CommandName,
  CommandResults,
  CoreStatus,
  EventMessage,
  EventName,
  ParsedCommandRequest
} from '../../../shared/api'
import { ServiceError } from '../../../shared/api'
import { isLive, type Call } from '../../../shared/calls'
import type { LeaveHubResult } from '../../../shared/desk-role'
import { hubUnreachableWords, type SeatHubStatus } from '../../../shared/hub-link'
import { hubWideGroupsIn } from '../../../shared/settings-scope'
import { ConfigError, configFailure } from '../config/errors'
import { settingsNotices } from '../config/data-notices'
import type { PastHistory } from '../desk/past-history'
import type { Logger } from '../log'
import { parseCommand } from '../service/parse-command'
import type { CommandRunner } from '../service/serve-command'
import type { SettingsPort } from '../service/ports'
import type { ClientHandle } from '../service/softphone-service'
import { AnsweredHere } from './answered-here'
import { HangUpQueue } from './hang-up-queue'
import type { HubConnection } from './hub-connection'
import { HungUpOffline } from './hung-up-offline'
import { RingingAtSeat } from './ringing-at-seat'
import { refusedOnSeat, SEAT_ROUTES, type LocalCommand } from './seat-routes'
import { seatStatus } from './seat-status'
import { englishWords, worded, wordedError } from '../../../shared/words-english'
import { words } from '../../../shared/words'

/** Long enough for the hub's accept to reach Meta and back; a dead link fails well before. */
export const DEFAULT_FORWARD_TIMEOUT_MS = 20_000

/** What a seat does with each event of its hub; `own`: the seat has its own (settings, status). */
const HUB_EVENTS = {
  callUpdated: 'forward',
  mediaOffer: 'forward',
  historyAdded: 'forward',
  missedCalls: 'forward',
  callPermission: 'forward',
  callBackTasks: 'forward',
  status: 'own',
  settings: 'own',
  // The hub's desks are its owner's business; the hub never sends them to a seat.
  desks: 'own'
} as const satisfies Record<EventName, 'forward' | 'own'>

export interface SeatServiceDeps {
  hub: HubConnection
  /** This desk's own settings file: the per-desk groups are saved here. */
  settings: SettingsPort
  logger: Logger
  /** How long a forwarded command may wait for the hub's reply. */
  forwardTimeoutMs?: number | undefined
  /** This desk's own calls from before it joined (core/desk/past-history); absent: none. */
  pastHistory?: Pick<PastHistory, 'any' | 'list'> | undefined
  /** Leaves the hub and makes this desk a fresh hub again (core/desk); absent: not here. */
  leave?: (() => Promise<LeaveHubResult>) | undefined
}

export const LEAVE_CALL_LIVE_SENTENCE = englishWords(words('seat.leaveCallLive'))

type LocalHandlers = {
  [K in LocalCommand]: (
    request: ParsedCommandRequest<K>,
    client: ClientHandle
  ) => Promise<CommandResults[K]>
}

export class SeatService implements CommandRunner {
  private readonly clients = new Map<string, ClientHandle>()
  private readonly unsubscribe: (() => void)[] = []
  private readonly log: Logger
  private readonly answered = new AnsweredHere()
  private readonly ringing: RingingAtSeat
  private readonly hangUps: HangUpQueue
  private readonly hungUpOffline = new HungUpOffline()
  private readonly local: LocalHandlers
  /** The hub's status as last heard (its Page), for this desk's own. */
  private fromHub: CoreStatus | undefined

  constructor(private readonly deps: SeatServiceDeps) {
    this.log = deps.logger.child('seat')
    this.ringing = new RingingAtSeat(() => deps.settings.get().desk.ringHere)
    let ringHere = deps.settings.get().desk.ringHere
    this.hangUps = new HangUpQueue(this.log, () => this.publishStatus())
    this.local = {
      hello: async (_request, client) => {
        // A UI must start even when the hub cannot list its calls: the status says why.
        const calls = this.online()
          ? await this.forward('listCalls', {}, client).catch(() => [])
          : []
        // Read after the hub's answer: the hub's status may have come meanwhile, and a window
        // told the status of before (no Page) would keep it until the next change.
        return { clientId: client.id, status: this.status(), calls }
      },
      getStatus: async () => this.status(),
      getSettings: async () => deps.settings.get(),
      updateSettings: async (patch) => {
        const hubWide = hubWideGroupsIn(patch)
        if (hubWide.length > 0) {
          throw wordedError('forbidden', 'seat.hubWideSettings', {
            hub: deps.hub.hubName,
            groups: hubWide.join(', ')
          })
        }
        try {
          return await deps.settings.update(patch)
        } catch (error) {
          if (error instanceof ConfigError) throw configFailure('invalid-request', error)
          throw error
        }
      },
      joinHub: async () => {
        throw wordedError('conflict', 'seat.alreadySeat', { hub: deps.hub.hubName })
      },
      leaveHub: async () => {
        if (!deps.leave) {
          throw wordedError('not-configured', 'seat.leaveUnavailable')
        }
        // Leaving closes the link its hang up needs; one already queued has been asked for.
        const queued = this.hangUps.list()
        if (this.answered.liveHere().some((id) => !queued.includes(id))) {
          throw wordedError('conflict', 'seat.leaveCallLive')
        }
        return deps.leave()
      },
      listPastHistory: async (query) => (await deps.pastHistory?.list(query)) ?? []
    }
    const { hub } = deps
    for (const event of Object.keys(HUB_EVENTS) as EventName[]) {
      if (HUB_EVENTS[event] !== 'forward') continue
      this.unsubscribe.push(
        hub.on(event, (payload) => this.broadcast({ event, payload } as EventMessage))
      )
    }
    this.unsubscribe.push(
      hub.on('status', (status) => {
        this.fromHub = status
        this.publishStatus()
      }),
      hub.onStatus((link) => {
        this.publishStatus()
        if (link.state === 'online') void this.linkIsBack()
        else this.silenceRinging()
      }),
      deps.settings.onChange((settings) => {
        this.broadcast({ event: 'settings', payload: settings })
        if (settings.desk.ringHere === ringHere) return
        ringHere = settings.desk.ringHere
        // The calls ringing now start (or stop) ringing on this desk's windows.
        for (const call of this.ringing.ringing()) {
          this.broadcast({ event: 'callUpdated', payload: call })
        }
      })
    )
    if (this.online()) void this.linkIsBack()
  }

  /** Connects a UI of this desk: it receives every event from now on. Returns the detach. */
  attach(client: ClientHandle): () => void {
    this.clients.set(client.id, client)
    return () => {
      this.clients.delete(client.id)
    }
  }

  async dispatch(name: string, request: unknown, client: ClientHandle): Promise<unknown> {
    const { command, request: parsed } = parseCommand(name, request)
    const route: (typeof SEAT_ROUTES)[CommandName] = SEAT_ROUTES[command]
    if (route === 'local') {
      const handler = this.local[command as LocalCommand] as (
        req: unknown,
        client: ClientHandle
      ) => Promise<unknown>
      return handler(parsed, client)
    }
    if (route !== 'hub') {
      throw refusedOnSeat(this.deps.hub.hubName, route.refused)
    }
    if (command === 'hangUp' && !this.online()) {
      const { callId } = parsed as ParsedCommandRequest<'hangUp'>
      this.queueHangUp(callId)
      return undefined
    }
    return this.forward(command, parsed, client)
  }

  /** The seat's status: no webhook or tunnel of its own, its hub's Page and its link to the hub. */
  status(): CoreStatus {
    const hub: SeatHubStatus = {
      name: this.deps.hub.hubName,
      link: this.deps.hub.status(),
      queuedHangUps: this.hangUps.list(),
      pastHistory: this.deps.pastHistory?.any ?? false
    }
    return seatStatus(hub, this.fromHub, settingsNotices(this.deps.settings))
  }

  publishStatus(): void {
    this.broadcast({ event: 'status', payload: this.status() })
  }

  dispose(): void {
    for (const off of this.unsubscribe.splice(0)) off()
    this.clients.clear()
  }

  private online(): boolean {
    return this.deps.hub.status().state === 'online'
  }

  /** Sends a command to the hub; fails at once, with the reason, when the hub cannot be reached. */
  private hubUnreachable(): ServiceError {
    const said = hubUnreachableWords(this.deps.hub.status())
    return typeof said === 'string'
      ? new ServiceError('not-configured', said)
      : worded('not-configured', said)
  }

  private async forward<K extends CommandName>(
    command: K,
    request: ParsedCommandRequest<K>,
    client: ClientHandle
  ): Promise<CommandResults[K]> {
    if (!this.online()) {
      throw this.hubUnreachable()
    }
    const callId = command === 'accept' ? (request as { callId: string }).callId : undefined
    if (callId !== undefined) this.answered.claim(callId, client.id)
    try {
      const result = await this.withTimeout(() =>
        (this.deps.hub.api[command] as (r: unknown) => Promise<unknown>)(request)
      )
      return this.localResult(command, result, client) as CommandResults[K]
    } catch (error) {
      if (callId !== undefined) this.answered.release(callId, client.id)
      if (this.online()) throw error
      // The link fell while the hub had the command: a hang up waits, anything else says why.
      if (command === 'hangUp') {
        this.queueHangUp((request as { callId: string }).callId)
        return undefined as CommandResults[K]
      }
      throw this.hubUnreachable()
    }
  }

  private localResult(command: CommandName, result: unknown, client: ClientHandle): unknown {
    if (command === 'listCalls')
      return (result as Call[]).map((call) => this.shownHere(call)).filter(isLive)
    if (command === 'placeCall') {
      this.answered.claim((result as CommandResults['placeCall']).callId, client.id)
    }
    return result
  }

  private withTimeout<T>(run: () => Promise<T>): Promise<T> {
    const ms = this.deps.forwardTimeoutMs ?? DEFAULT_FORWARD_TIMEOUT_MS
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<never>((_resolve, reject) => {
      // Timer "hub answer timeout" (once per forwarded request).
      timer = setTimeout(() => reject(wordedError('internal', 'seat.hubLate')), ms)
    })
    return Promise.race([run(), late]).finally(() => clearTimeout(timer))
  }

  /** The link is back: queued hang ups go first, then every client catches up with the calls. */
  private async linkIsBack(): Promise<void> {
    const { hub } = this.deps
    await this.hangUps.flush(
      (callId) => this.withTimeout(() => hub.api.hangUp({ callId })),
      () => this.online()
    )
    try {
      const hello = await this.withTimeout(() => hub.api.hello({}))
      this.answered.knowHubClient(hello.clientId)
      this.fromHub = hello.status
      this.publishStatus()
      this.answered.keepOnly(hello.calls.map((call) => call.id))
      for (const call of hello.calls) {
        this.broadcast({ event: 'callUpdated', payload: this.answered.localView(call) })
      }
      // The list may have changed while the link was down: the windows catch up with it too.
      const tasks = await this.withTimeout(() => hub.api.listCallBackTasks({}))
      this.broadcast({ event: 'callBackTasks', payload: tasks })
    } catch (error) {
      this.log.warn('could not catch up with the hub', { error: String(error) })
    }
  }

  /** The hub cannot be reached: calls ringing here cannot be answered, so they stop ringing. */
  private silenceRinging(): void {
    for (const call of this.ringing.silenceAll()) {
      this.broadcast({ event: 'callUpdated', payload: call })
    }
  }

  /**
   * The hub is offline, so this hang up waits; the desk's audio has stopped already, so its
   * windows leave the call now (the status says the hang up is still to reach Meta).
   */
  private queueHangUp(callId: string): void {
    const ended = this.hungUpOffline.hungUp(callId)
    if (ended) this.tell({ event: 'callUpdated', payload: this.localView(ended) })
    this.hangUps.add(callId)
  }

  /** A call from the hub as this desk's windows see it. */
  private shownHere(call: Call): Call {
    return this.localView(this.hungUpOffline.shown(call))
  }

  private localView(call: Call): Call {
    return this.ringing.shown(this.answered.localView(call))
  }

  private broadcast(message: EventMessage): void {
    if (message.event === 'callUpdated') this.answered.follow(message.payload)
    this.tell(
      message.event === 'callUpdated'
        ? { event: 'callUpdated', payload: this.shownHere(message.payload) }
        : message
    )
  }

  private tell(local: EventMessage): void {
    for (const client of this.clients.values()) {
      try {
        client.send(local)
      } catch (error) {
        this.log.warn('a client could not take an event', {
          client: client.id,
          error: String(error)
        })
      }
    }
  }
}
