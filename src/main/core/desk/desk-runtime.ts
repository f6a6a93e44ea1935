/**
 * One desk process, hub or seat, switching in place (issue 13, items 1 and 2). It starts the desk
 * in its stored role (a pinned hub with its address: that hub's seat; otherwise the hub, with or
 * without a Page; SOFTPHONE_HUB makes a headless seat), and serves its windows through one
 * DeskService that outlives the role: the UI bridge (browser mode) and the desktop IPC are bound
 * to it once, above the role. `joinHub` turns a hub into a seat, `leaveHub` a seat into a fresh
 * hub, and the windows stay connected through both.
 */
import type { ParsedCommandRequest } from '../../../shared/api'
import { ServiceError } from '../../../shared/api'
import type { JoinHubResult, LeaveHubResult } from '../../../shared/desk-role'
import { startUiServer, type UiServer } from '../bridge/ui-server'
import { ConfigError, readEnv, resolveDataDir } from '../config'
import type { Logger } from '../log'
import { startSeatCore, type StartedSeatCore } from '../seat/start-seat-core'
import { forgetPinnedHub, loadHubPin, saveHubAddress } from '../seat-link/link-key-files'
import { TypedEmitter } from '../shared/typed-emitter'
import {
  CoreStartError,
  startCore,
  type StartCoreOptions,
  type StartedCore,
  type UiBridgeOptions
} from '../start-core'
import { DeskService, type RoleService } from './desk-service'
import { checkJoin, holdsPage } from './join-checks'
import { readPastHistory } from './past-history'
import { roleSettings, type DeskSettings } from './role-settings'
import {
  firstAnswerSentence,
  firstAnswerWords,
  openSeatLink,
  type OpenedSeatLink,
  type SeatClientTuning
} from './seat-link-opener'
import { tellHubLeaving } from './tell-hub-leaving'
import { worded, wordedError } from '../../../shared/words-english'

export const NOT_PAIRED_SENTENCE =
  'This desk is not paired with its hub yet: set SOFTPHONE_PAIRING_CODE to the code the hub ' +
  'printed for it (npm run hub -- add-desk <name>), once.'

export type DeskRole =
  | { readonly role: 'hub'; readonly started: StartedCore }
  | { readonly role: 'seat'; readonly started: StartedSeatCore; readonly link: OpenedSeatLink }

export interface DeskRuntimeOptions {
  /** How the hub role starts (startCore's options; the runtime serves the UI bridge itself). */
  hub: Omit<StartCoreOptions, 'ui'>
  /** Serve the desk's windows on loopback (browser mode, the headless core, tests). */
  ui?: UiBridgeOptions | undefined
  /**
   * SOFTPHONE_HUB (and SOFTPHONE_PAIRING_CODE for its first start): a headless seat of that hub,
   * whatever the stored role says; its address is recorded with the pin.
   */
  headlessHub?: { hubUrl: string; pairingCode?: string | undefined } | undefined
  seat?:
    | {
        forwardTimeoutMs?: number | undefined
        /** How long leaving waits for the hub to hear it. */
        leaveTimeoutMs?: number | undefined
        tuning?: SeatClientTuning | undefined
      }
    | undefined
}

export interface DeskRuntime {
  /** The service the windows talk to, the same object in every role. */
  readonly service: DeskService
  readonly dataDir: string
  readonly ui: UiServer | undefined
  /** This desk's settings, through whichever role's store is current. */
  readonly settings: DeskSettings
  /** The role now (the hub's core, or the seat's core and link). */
  current(): DeskRole
  /** Heard after each change of role, once the windows were moved to it. */
  onRoleChange(listener: (role: DeskRole) => void): () => void
  /** Stops the UI bridge, then the role; resolves true when all stopped cleanly. */
  dispose(): Promise<boolean>
}

export async function startDeskRuntime(options: DeskRuntimeOptions): Promise<DeskRuntime> {
  const { env } = options.hub
  const dataDir = options.hub.dataDir ?? resolveDataDir(readEnv(env).dataDir, env)
  const runtime = new Runtime(options, dataDir)
  await runtime.start()
  return runtime
}

class Runtime implements DeskRuntime {
  private role!: DeskRole
  private facade!: DeskService
  private server: UiServer | undefined
  private readonly events = new TypedEmitter<{ role: DeskRole }>()
  private readonly log: Logger
  private disposed: Promise<boolean> | undefined
  private changing = false
  readonly settings: DeskSettings = roleSettings({
    current: () => this.role.started.settings,
    onChange: (listener) => this.onRoleChange((role) => listener(role.started.settings))
  })

  constructor(
    private readonly options: DeskRuntimeOptions,
    readonly dataDir: string
  ) {
    this.log = options.hub.logger.child('desk')
  }

  get service(): DeskService {
    return this.facade
  }

  get ui(): UiServer | undefined {
    return this.server
  }

  current(): DeskRole {
    return this.role
  }

  onRoleChange(listener: (role: DeskRole) => void): () => void {
    return this.events.on('role', listener)
  }

  async start(): Promise<void> {
    this.role = await this.startStoredRole()
    this.facade = new DeskService(serviceOf(this.role), this.log)
    const ui = this.options.ui
    if (!ui) return
    try {
      this.server = await startUiServer({
        ...ui,
        service: this.facade,
        dataDir: this.dataDir,
        logger: this.options.hub.logger
      })
    } catch (error) {
      await this.role.started.dispose()
      throw new CoreStartError('start the UI bridge', error)
    }
  }

  dispose(): Promise<boolean> {
    this.disposed ??= (async () => {
      let clean = true
      await this.server?.close().catch((error: unknown) => {
        clean = false
        this.log.error('could not stop the UI bridge', { error: String(error) })
      })
      // A role change under way finishes first, so the role stopped is the one it left.
      await this.facade.settled()
      return (await this.role.started.dispose()) && clean
    })()
    return this.disposed
  }

  private async startStoredRole(): Promise<DeskRole> {
    const headless = this.options.headlessHub
    if (headless) return this.startHeadlessSeat(headless.hubUrl, headless.pairingCode)
    const pin = await loadHubPin(this.dataDir)
    if (pin?.hubUrl) {
      // The hub need not answer for the desk to start: its windows say where the link stands.
      return this.startSeatRole(this.openLink(pin.hubUrl))
    }
    return this.startHubRole()
  }

  /** Exit 2 (a ConfigError) without a code or keys, or when the hub turns this desk away. */
  private async startHeadlessSeat(hubUrl: string, pairingCode?: string): Promise<DeskRole> {
    const pin = await loadHubPin(this.dataDir)
    if (!pairingCode && !pin) throw new ConfigError(NOT_PAIRED_SENTENCE)
    const link = this.openLink(hubUrl, pin ? undefined : pairingCode)
    const first = await link.first
    if (first.state === 'refused') {
      link.hub.close()
      throw new ConfigError(firstAnswerSentence(first))
    }
    // SOFTPHONE_HUB wins over a recorded address; a first pairing still under way records it later.
    const record = (): void =>
      void saveHubAddress(this.dataDir, hubUrl).catch((error: unknown) =>
        this.log.warn("could not record the hub's address", { error: String(error) })
      )
    if (first.state === 'online') record()
    else {
      const off = link.client.onStatus((status) => {
        if (status.state !== 'online') return
        off()
        record()
      })
    }
    return this.startSeatRole(link)
  }

  private openLink(hubUrl: string, pairingCode?: string): OpenedSeatLink {
    return openSeatLink({
      hubUrl,
      dataDir: this.dataDir,
      pairingCode,
      logger: this.options.hub.logger,
      tuning: this.options.seat?.tuning
    })
  }

  private async startHubRole(): Promise<DeskRole> {
    const hub = this.options.hub
    const started = await startCore({
      ...hub,
      dataDir: this.dataDir,
      core: { ...hub.core, joinHub: (request) => this.join(request) }
    })
    return { role: 'hub', started }
  }

  private async startSeatRole(link: OpenedSeatLink): Promise<DeskRole> {
    const { logger, env } = this.options.hub
    // The calls this desk took as a hub, read-only; unreadable, the seat still starts without.
    const pastHistory = await readPastHistory(this.dataDir).catch((error: unknown) => {
      this.log.warn('could not read the past history', { error: String(error) })
      return undefined
    })
    const started = await startSeatCore({
      dataDir: this.dataDir,
      env,
      logger,
      hub: link.hub,
      forwardTimeoutMs: this.options.seat?.forwardTimeoutMs,
      pastHistory,
      leave: () => this.leave()
    })
    return { role: 'seat', started, link }
  }

  /** joinHub, from the hub role's own windows (SoftphoneService hands it here). */
  async join(request: ParsedCommandRequest<'joinHub'>): Promise<JoinHubResult> {
    const role = this.startChange('hub')
    try {
      const { core } = role.started
      const { hubUrl, invitation } = checkJoin(core, request)
      // A pin on a hub desk is left from a join that stopped half-way: pairing starts clean.
      await forgetPinnedHub(this.dataDir)
      // Pair first, forget after: a hub that refuses this desk, or cannot be reached, must leave
      // it exactly as it was (its Page, tunnel and webhook untouched), so nothing is forgotten
      // until the hub has accepted this desk and the link is up.
      const link = this.openLink(hubUrl, invitation)
      const first = await link.first
      const abandon = async (): Promise<void> => {
        link.hub.close()
        await forgetPinnedHub(this.dataDir)
      }
      if (first.state !== 'online') {
        await abandon()
        const said = firstAnswerWords(first)
        throw typeof said === 'string'
          ? new ServiceError('conflict', said)
          : worded('conflict', said)
      }
      // Windows wait only for the switch itself, not for the hub's answer above.
      const joined = await this.facade.switchRole(async () => {
        try {
          this.checkNotStopping()
          // A call that started ringing while the hub answered would end with this core.
          checkJoin(core, request)
          if (holdsPage(core)) await core.onboarding.removePage()
        } catch (error) {
          await abandon()
          throw error
        }
        // The tunnel, the webhook listener and the core stop; history.jsonl stays where it is
        // and is this seat's past history from now on.
        await role.started.dispose()
        await saveHubAddress(this.dataDir, hubUrl)
        this.role = await this.startSeatRole(link)
        this.log.info('joined a hub as its seat', { hub: link.hub.hubName })
        return { service: serviceOf(this.role), result: { hubName: link.hub.hubName } }
      })
      this.events.emit('role', this.role)
      return joined
    } finally {
      this.changing = false
    }
  }

  /** leaveHub, from the seat role's own windows (SeatService hands it here). */
  async leave(): Promise<LeaveHubResult> {
    const role = this.startChange('seat')
    try {
      const removedAtHub = await tellHubLeaving(role.link.hub, this.options.seat?.leaveTimeoutMs)
      const left = await this.facade.switchRole(async () => {
        this.checkNotStopping()
        await forgetPinnedHub(this.dataDir)
        await role.started.dispose()
        // No Page: its secrets were forgotten when it joined, so it starts as a fresh install.
        this.role = await this.startHubRole()
        this.log.info('left the hub', { removedAtHub })
        return { service: serviceOf(this.role), result: { removedAtHub } }
      })
      // Heard once the facade moved the windows to the new role.
      this.events.emit('role', this.role)
      return left
    } finally {
      this.changing = false
    }
  }

  /** The desk stopped while the hub was being asked: the change must not start a new role. */
  private checkNotStopping(): void {
    if (this.disposed) throw wordedError('conflict', 'desk.stopping')
  }

  /** One change of role at a time, from the role it starts in. */
  private startChange<R extends DeskRole['role']>(from: R): Extract<DeskRole, { role: R }> {
    const role = this.role
    if (this.changing || role.role !== from) {
      throw wordedError('conflict', 'desk.changingRole')
    }
    this.changing = true
    return role as Extract<DeskRole, { role: R }>
  }
}

function serviceOf(role: DeskRole): RoleService {
  return role.role === 'hub' ? role.started.core.service : role.started.service
}
