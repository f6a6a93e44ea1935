/**
 * Each seat desk's own "seen" (issue 13, item 3: missed calls are hub-wide, each desk keeps its own
 * "seen"): one mark a desk, the end time of the newest missed call that desk has looked at, kept
 * by the hub in desk-seen-marks.json in its data folder (0600, replaced atomically). The hub's own
 * desk keeps using the records' `seenAt` (store.ts); this file holds only the seats'.
 *
 * A desk with no mark yet (just paired, or its mark was lost) counts as having seen everything up
 * to `startOf(desk)`, its pairing time: calls missed before it joined were not its to miss, and a
 * new desk must not light up with the hub's whole past. Everything after stays unseen.
 *
 * A file that cannot be read is never deleted: it is set aside under a dated name, logged, and the
 * desks start again from their pairing time. That shows missed calls a desk may already have seen
 * as unseen again, which is the safe way round: a badge too many beats a customer nobody calls back.
 */
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { moveAside, setAsidePath } from '../config/set-aside'
import type { Logger } from '../log'
import { removeStaleTemps, writeFileAtomic } from '../shared/atomic-write'

export const SEEN_MARKS_FILE = 'desk-seen-marks.json'

const marksFileSchema = z.object({
  version: z.literal(1),
  desks: z.record(z.string().min(1), z.number().int().nonnegative())
})

export interface SeenMarksOptions {
  /** Where a desk without a mark starts: its pairing time; undefined: nothing seen. */
  startOf?: ((desk: string) => number | undefined) | undefined
  /** The clock that dates a set-aside file (tests pin it). */
  now?: (() => number) | undefined
}

export class SeenMarks {
  private writes: Promise<unknown> = Promise.resolve()

  private constructor(
    readonly file: string,
    private readonly marks: Map<string, number>,
    private readonly options: SeenMarksOptions
  ) {}

  static async open(
    dir: string,
    logger: Logger,
    options: SeenMarksOptions = {}
  ): Promise<SeenMarks> {
    await mkdir(dir, { recursive: true, mode: 0o700 })
    const file = join(dir, SEEN_MARKS_FILE)
    await removeStaleTemps(file)
    return new SeenMarks(file, await readMarks(file, logger, options.now ?? Date.now), options)
  }

  /** The end time up to which this desk has seen the missed calls. */
  upTo(desk: string): number {
    return this.marks.get(desk) ?? this.options.startOf?.(desk) ?? 0
  }

  /** Moves the desk's mark to `upTo`, never back: a stale request cannot unsee calls. */
  set(desk: string, upTo: number): Promise<void> {
    const next = Math.max(upTo, this.upTo(desk))
    if (this.marks.get(desk) === next) return this.writes.then(() => undefined)
    // Memory may run ahead of a failed write: the next start then shows more unseen, not fewer.
    this.marks.set(desk, next)
    return this.save()
  }

  /** The desk was removed from the hub: a desk paired again under its name starts afresh. */
  forget(desk: string): Promise<void> {
    if (!this.marks.delete(desk)) return this.writes.then(() => undefined)
    return this.save()
  }

  /** Writes one after the other, each the whole set of marks as it is when its turn comes. */
  private save(): Promise<void> {
    const write = this.writes.then(() =>
      writeFileAtomic(
        this.file,
        `${JSON.stringify({ version: 1, desks: Object.fromEntries(this.marks) })}\n`
      )
    )
    this.writes = write.catch(() => undefined)
    return write
  }
}

async function readMarks(
  file: string,
  logger: Logger,
  now: () => number
): Promise<Map<string, number>> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map()
    throw error
  }
  const parsed = marksFileSchema.safeParse(parseJson(text))
  if (parsed.success) return new Map(Object.entries(parsed.data.desks))
  const target = setAsidePath(file, now())
  await moveAside(file, target)
  logger.warn(
    "The desks' seen marks could not be read; set aside, so missed calls since each desk was paired show as unseen again",
    { file, setAside: target }
  )
  return new Map()
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
