/**
 * The hub's desks as the service offers them (its DesksPort): the paired seats with whether they
 * are online, when they were last seen and how many calls they answered today, "Add a desk" as
 * one invitation text, and "Remove". The seats themselves open after the service (they are its
 * clients), so they are handed in with `follow` once open.
 */
import type { DeskInvitation, DeskList, DeskSummary } from '../../../shared/desks'
import { ServiceError } from '../../../shared/service-error'
import type { DesksPort, HistoryPort } from '../service/ports'
import { TypedEmitter } from '../shared/typed-emitter'
import { formatInvitation } from './desk-invitation'
import type { HubSeats } from './hub-seats'
import { checkSeatName, SeatRegistryError } from './seat-registry'
import { englishWords, worded, wordedError } from '../../../shared/words-english'
import { words } from '../../../shared/words'

export const NO_PUBLIC_ADDRESS = englishWords(words('desk.noPublicAddress'))
export const DESKS_UNAVAILABLE = englishWords(words('desk.listUnreadable'))
/** More than any day's calls: answered today is counted from the newest records back. */
const DAY_RECORDS = 10_000

export interface HubDesksOptions {
  /** The hub's public address (its tunnel URL or PUBLIC_URL); null while it has none. */
  publicUrl: () => string | null
  history: Pick<HistoryPort, 'list'>
  /** The clock, for "today" (local midnight on the hub) and last seen. */
  now?: (() => number) | undefined
  /** Drops what the hub's settings say about a removed desk (whether it rings), so a desk added
   * again later under the same name starts like any new one. */
  forget?: ((name: string) => Promise<void>) | undefined
}

/** Local midnight on this machine of the day `at` falls in. */
export function startOfLocalDay(at: number): number {
  const day = new Date(at)
  day.setHours(0, 0, 0, 0)
  return day.getTime()
}

export class HubDesks implements DesksPort {
  private seats: HubSeats | undefined
  private readonly events = new TypedEmitter<{ change: DeskList }>()
  private readonly now: () => number
  /** The list as last told, so an unchanged one is not told again. */
  private published: string | undefined

  constructor(private readonly options: HubDesksOptions) {
    this.now = options.now ?? Date.now
  }

  /** Serves these seats; every connect and disconnect is told to `onChange` listeners. */
  follow(seats: HubSeats): () => void {
    this.seats = seats
    const offs = [seats.onPresence(() => this.refresh()), seats.onLanChange(() => this.refresh())]
    return () => offs.forEach((off) => off())
  }

  onChange(listener: (list: DeskList) => void): () => void {
    return this.events.on('change', listener)
  }

  async list(): Promise<DeskList> {
    const seats = this.opened()
    const online = new Set(seats.online().map((name) => name.toLowerCase()))
    const answered = await this.answeredToday()
    const desks = seats.list().map((seat): DeskSummary => ({
      name: seat.name,
      online: online.has(seat.name.toLowerCase()),
      lastSeenAt: seats.lastSeenAt(seat.name),
      answeredToday: answered.get(seat.name.toLowerCase()) ?? 0,
      pairedAt: seat.pairedAt
    }))
    const onNetwork = seats.lanStatus()
    return onNetwork ? { desks, onNetwork } : { desks }
  }

  async add(name: string): Promise<DeskInvitation> {
    const seats = this.opened()
    const checked = checkedName(name)
    if (seats.pairing.seats.hasName(checked)) {
      throw wordedError('conflict', 'desk.nameTaken', { name: checked })
    }
    // "Answered by <name>" and who may report a call's quality tell desks apart by name alone.
    const own = seats.pairing.hubName?.().trim()
    if (own !== undefined && own.toLowerCase() === checked.toLowerCase()) {
      throw wordedError('conflict', 'desk.nameIsHub', { name: checked })
    }
    // Without a public address, a hub open to its local network still invites desks there.
    const lanAddress = seats.lanAddress()
    const hubUrl = this.options.publicUrl() ?? (lanAddress ? `http://${lanAddress}` : null)
    if (!hubUrl) throw wordedError('not-configured', 'desk.noPublicAddress')
    const issued = seats.issueCode(checked)
    return {
      name: checked,
      code: formatInvitation(hubUrl, issued.text, lanAddress),
      hubUrl,
      expiresAt: issued.expiresAt
    }
  }

  async remove(name: string): Promise<DeskList> {
    const removed = await this.opened().remove(name)
    if (!removed) {
      throw wordedError('not-found', 'desk.notPaired', { name: name.trim() })
    }
    await this.options.forget?.(removed.name)
    this.refresh()
    return this.list()
  }

  private opened(): HubSeats {
    if (!this.seats) throw wordedError('not-configured', 'desk.listUnreadable')
    return this.seats
  }

  /** Inbound calls each desk answered since local midnight (test calls are not customers'). */
  private async answeredToday(): Promise<Map<string, number>> {
    const since = startOfLocalDay(this.now())
    const counts = new Map<string, number>()
    for (const record of await this.options.history.list({ limit: DAY_RECORDS })) {
      if (record.startedAt < since) continue
      if (record.direction !== 'inbound' || record.test || record.connectedAt === undefined) {
        continue
      }
      const desk = record.answeredByDesk?.toLowerCase()
      if (desk !== undefined) counts.set(desk, (counts.get(desk) ?? 0) + 1)
    }
    return counts
  }

  /**
   * Tells listeners the list if it changed: after a call a desk answered is recorded (its count
   * today), or whenever something else may have moved.
   */
  refresh(): void {
    this.list().then(
      (list) => {
        const text = JSON.stringify(list)
        if (text === this.published) return
        this.published = text
        this.events.emit('change', list)
      },
      () => undefined
    )
  }
}

function checkedName(name: string): string {
  try {
    return checkSeatName(name)
  } catch (error) {
    if (error instanceof SeatRegistryError) {
      throw error.words
        ? worded('invalid-request', error.words)
        : new ServiceError('invalid-request', error.message)
    }
    throw error
  }
}
