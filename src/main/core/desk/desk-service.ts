/**
 * The one service a desk's windows talk to, whatever its role (issue 13, items 1 and 2): the UI
 * bridge and the desktop IPC are bound to this object once, and it hands every command and client
 * to the role's own service (the hub's SoftphoneService or a seat's SeatService). When the desk
 * changes role, the clients stay attached: they are moved to the new role's service and each is
 * told the new status, settings, missed calls, desks (a hub's) and calls, so a window turns from hub to seat (or back) without
 * reconnecting.
 */
import type { CommandResults, EventMessage } from '../../../shared/api'
import type { Logger } from '../log'
import type { ClientHandle, SoftphoneService } from '../service/softphone-service'

/** What a role's service offers the transports; SoftphoneService and SeatService both do. */
export type RoleService = Pick<SoftphoneService, 'attach' | 'dispatch'>

interface Attached {
  readonly client: ClientHandle
  detach: () => void
}

export class DeskService implements RoleService {
  private readonly attached = new Map<ClientHandle, Attached>()
  private current: RoleService
  /** A role change under way: commands wait for it, then go to the new role. */
  private switching: Promise<void> | undefined

  constructor(
    initial: RoleService,
    private readonly logger: Logger
  ) {
    this.current = initial
  }

  /** The role's service now (tests, and what the composition root wires beside the facade). */
  get role(): RoleService {
    return this.current
  }

  attach(client: ClientHandle): () => void {
    const entry: Attached = { client, detach: this.current.attach(client) }
    this.attached.set(client, entry)
    return () => {
      if (this.attached.get(client) !== entry) return
      this.attached.delete(client)
      entry.detach()
    }
  }

  async dispatch(name: string, request: unknown, client: ClientHandle): Promise<unknown> {
    if (this.switching) await this.switching
    return this.current.dispatch(name, request, client)
  }

  /**
   * Runs `change` (which stops the old role and starts the new one) while commands wait, then
   * moves every client to the service it resolved with. A change that fails leaves the clients
   * where they were.
   */
  async switchRole<T>(change: () => Promise<{ service: RoleService; result: T }>): Promise<T> {
    let done!: () => void
    const previous = this.switching
    const current = new Promise<void>((resolve) => (done = resolve))
    this.switching = current
    try {
      if (previous) await previous
      const { service, result } = await change()
      this.moveTo(service)
      return result
    } finally {
      if (this.switching === current) this.switching = undefined
      done()
    }
  }

  /** Resolves once no role change is under way (the runtime stops the role it ended in). */
  async settled(): Promise<void> {
    while (this.switching) await this.switching
  }

  /** Re-attaches every client to `next` and tells each where it now stands. */
  private moveTo(next: RoleService): void {
    this.current = next
    for (const entry of this.attached.values()) {
      entry.detach()
      entry.detach = next.attach(entry.client)
    }
    for (const { client } of this.attached.values()) void this.catchUp(next, client)
  }

  /**
   * A fresh status, settings, missed-call count and the client's calls, as a window reads them on
   * start. What the new role refuses or cannot answer yet (a seat whose hub is offline) is skipped.
   */
  private async catchUp(service: RoleService, client: ClientHandle): Promise<void> {
    const send = (message: EventMessage): void => {
      if (this.current === service && this.attached.has(client)) client.send(message)
    }
    const ask = async <K extends 'getSettings' | 'getMissedCalls' | 'listDesks'>(
      command: K
    ): Promise<CommandResults[K] | undefined> =>
      (await service.dispatch(command, {}, client).catch(() => undefined)) as
        CommandResults[K] | undefined
    try {
      const hello = (await service.dispatch('hello', {}, client)) as CommandResults['hello']
      send({ event: 'status', payload: hello.status })
      const settings = await ask('getSettings')
      if (settings) send({ event: 'settings', payload: settings })
      const missed = await ask('getMissedCalls')
      if (missed) send({ event: 'missedCalls', payload: missed })
      // A hub's desks (a seat is refused them: its windows hide the section by the status).
      const desks = await ask('listDesks')
      if (desks) send({ event: 'desks', payload: desks })
      for (const call of hello.calls) send({ event: 'callUpdated', payload: call })
    } catch (error) {
      this.logger.warn('a window could not be told the desk changed role', {
        client: client.id,
        error: String(error)
      })
    }
  }
}
