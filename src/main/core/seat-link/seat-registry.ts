/**
 * The hub's paired seats (seat-link-seats.json in the data folder, 0600): each one's unique name
 * and the static public key it proved in the handshake. Only public keys are kept, never a secret
 * a tunnel could replay. A seat's key works exactly as long as it is listed here: removing it
 * tells the listeners (so a live connection closes at once) and every later handshake is refused.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { removeStaleTemps, writeFileAtomic } from '../shared/atomic-write'
import { ensurePrivateDir } from '../config/private-files'
import { words, type Words } from '../../../shared/words'
import { englishWords } from '../../../shared/words-english'

export const SEATS_FILE = 'seat-link-seats.json'
const MAX_NAME = 40

export interface SeatRecord {
  name: string
  publicKey: Buffer
  pairedAt: number
}

const seatsFileSchema = z.object({
  version: z.literal(1),
  seats: z.array(
    z.object({
      name: z.string().min(1).max(MAX_NAME),
      publicKey: z
        .string()
        .regex(/^[A-Za-z0-9+/]{43}=$/)
        .transform((text) => Buffer.from(text, 'base64')),
      pairedAt: z.number()
    })
  )
})

/** A refusal about the desk list; `words` say it for a window where one sees it (a desk name). */
export class SeatRegistryError extends Error {
  constructor(
    message: string,
    readonly words?: Words
  ) {
    super(message)
  }
}

/** A desk name as people type it: trimmed, printable, at most 40 characters. */
export function checkSeatName(name: string): string {
  const trimmed = name.trim()
  if (trimmed.length === 0 || trimmed.length > MAX_NAME || /\p{Cc}/u.test(trimmed)) {
    const said = words('config.deskName', { max: MAX_NAME })
    throw new SeatRegistryError(englishWords(said).replace(/\.$/, ''), said)
  }
  return trimmed
}

export class SeatRegistry {
  private readonly removedListeners = new Set<(seat: SeatRecord) => void>()
  private writes: Promise<unknown> = Promise.resolve()

  private constructor(
    private readonly dir: string,
    private seats: SeatRecord[]
  ) {}

  static async open(dir: string): Promise<SeatRegistry> {
    const file = join(dir, SEATS_FILE)
    await removeStaleTemps(file)
    let text: string | undefined
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    if (text === undefined) return new SeatRegistry(dir, [])
    let parsed
    try {
      parsed = seatsFileSchema.safeParse(JSON.parse(text))
    } catch {
      parsed = undefined
    }
    // Refused rather than emptied: an empty list would silently unpair every desk.
    if (!parsed?.success) throw new SeatRegistryError(`${file} does not hold the list of desks`)
    return new SeatRegistry(dir, parsed.data.seats)
  }

  list(): readonly SeatRecord[] {
    return this.seats.map((seat) => ({ ...seat, publicKey: Buffer.from(seat.publicKey) }))
  }

  findByKey(publicKey: Uint8Array): SeatRecord | undefined {
    return this.seats.find((seat) => seat.publicKey.equals(publicKey))
  }

  /** Names are unique whatever their case: "Front desk" and "front desk" would confuse people. */
  hasName(name: string): boolean {
    const wanted = name.trim().toLowerCase()
    return this.seats.some((seat) => seat.name.toLowerCase() === wanted)
  }

  async add(name: string, publicKey: Uint8Array, now = Date.now()): Promise<SeatRecord> {
    const checked = checkSeatName(name)
    if (this.hasName(checked)) throw new SeatRegistryError(`A desk named "${checked}" exists`)
    if (this.findByKey(publicKey)) throw new SeatRegistryError('This desk is paired already')
    const seat: SeatRecord = { name: checked, publicKey: Buffer.from(publicKey), pairedAt: now }
    this.seats = [...this.seats, seat]
    try {
      await this.save()
    } catch (error) {
      // Not on disk, so not paired: the seat must not work until a restart forgets it.
      this.seats = this.seats.filter((s) => s !== seat)
      throw error
    }
    return seat
  }

  /** Forgets the seat: its key never works again, and listeners close its live connection. */
  async remove(name: string): Promise<SeatRecord | undefined> {
    const wanted = name.trim().toLowerCase()
    const seat = this.seats.find((s) => s.name.toLowerCase() === wanted)
    if (!seat) return undefined
    this.seats = this.seats.filter((s) => s !== seat)
    await this.save()
    for (const listener of this.removedListeners) listener(seat)
    return seat
  }

  onRemoved(listener: (seat: SeatRecord) => void): () => void {
    this.removedListeners.add(listener)
    return () => this.removedListeners.delete(listener)
  }

  /** Writes one after the other, each the whole list as it is when its turn comes. */
  private save(): Promise<void> {
    const write = this.writes.then(async () => {
      await ensurePrivateDir(this.dir)
      const seats = this.seats.map((seat) => ({
        name: seat.name,
        publicKey: seat.publicKey.toString('base64'),
        pairedAt: seat.pairedAt
      }))
      await writeFileAtomic(
        join(this.dir, SEATS_FILE),
        `${JSON.stringify({ version: 1, seats }, null, 2)}\n`
      )
    })
    this.writes = write.catch(() => undefined)
    return write
  }
}
