/**
 * An append-only file of JSON lines with group commit: `append` resolves only once its bytes are
 * on disk (write + fdatasync), and every line appended while one fsync is in flight shares the
 * next one. A burst of deliveries therefore costs one fsync per batch, not one per line, while no
 * caller is told "kept" before the fsync that covers its bytes has returned.
 *
 * The group commit is pipelined: when an fsync is slow (a disk's flush can stall for tens of
 * milliseconds), the next batch is written and its own fsync started without waiting, up to
 * SYNCS_IN_FLIGHT at once. Writes stay one at a time, in order, so the lines on disk are always
 * a prefix of the lines appended, and an fdatasync that returns covers every byte written before
 * it was called: when it returns, every line up to the end of that write is kept, those of an
 * earlier, still stalled fsync included. Appends therefore resolve in the order they were made,
 * as soon as any fsync covering them has returned. Each fsync slot has a file descriptor of its
 * own, opened before any line is written: Linux reports a failed writeback once per descriptor,
 * so one slot's fsync cannot swallow the error that would have told the other slot's fsync its
 * bytes are not on disk. After a failed write or fsync, every line not yet known to be on disk is
 * refused (never acknowledged, so Meta sends it again) and zeroed; later lines start from there.
 *
 * A crash can leave at most a torn last line (never acknowledged): `open` cuts it off, so a new
 * line never glues onto a broken one.
 *
 * With `preallocate`, the file is kept that many zero bytes longer than its lines (as databases
 * do with their write-ahead logs): a line then overwrites zeros already on disk, the file's size
 * does not change, and fdatasync flushes data only, without a filesystem journal commit shared
 * with every other process writing to the disk: the fsync's tail latency, which every
 * acknowledgement waits for, stays short. Lines never hold a zero byte (JSON escapes it), so the
 * first zero marks the end of the lines. Files are created 0600 in a 0700 folder: they hold raw
 * webhook deliveries, which name the people who called.
 *
 * One writer per file, as for the call history.
 */
import { chmod, mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { removeStaleTemps, syncDir } from '../shared/atomic-write'
import {
  closeAll,
  openDescriptors,
  openSyncHandles,
  readLines,
  writeAt,
  zeroFrom
} from './log-file'
import type { SyncHandles } from './log-file'
import { prepareReplacement } from './replacement'

const FILE_MODE = 0o600
const DIR_MODE = 0o700
/** fsyncs at once: a second one lets a stalled flush be overtaken; more buys nothing measurable. */
export const SYNCS_IN_FLIGHT = 2

interface Pending {
  data: string
  resolve: () => void
  reject: (error: unknown) => void
}

/** A batch that is written and waits for an fsync that covers it. */
interface Written {
  items: Pending[]
  /** Where the batch ends in the file. */
  end: number
  started: number
}

type Job = { kind: 'lines'; items: Pending[] } | { kind: 'rewrite'; run: () => Promise<void> }

/** Told as each batch is confirmed: ms from its write to the fsync that covered it, and its lines. */
export type BatchObserver = (ms: number, lines: number) => void

export interface AppendLogOptions {
  /** Zero bytes kept written ahead of the lines (see above); 0: the file grows with each line. */
  preallocate?: number | undefined
  observe?: BatchObserver | undefined
}

export interface OpenedLog {
  log: AppendLog
  /** The complete lines the file held, in order (a torn last line is left out). */
  lines: string[]
}

export class AppendLog {
  /** One descriptor per fsync slot; the first also writes. */
  private handles: SyncHandles | undefined
  /** Bytes of complete lines written to the file. */
  private size: number
  /** Bytes of lines an fsync has confirmed (`size` once nothing is in flight). */
  private durable: number
  /** The file's length: `size` plus the zeros written ahead. */
  private capacity: number
  private batch: Pending[] = []
  /** Written batches, oldest first, until an fsync covering them returns. */
  private unconfirmed: Written[] = []
  /** The fsync in flight on each slot's descriptor; none of these promises rejects. */
  private readonly syncing: (Promise<void> | undefined)[] = Array(SYNCS_IN_FLIGHT).fill(undefined)
  /** Set by a failed fsync: no more writes until what it leaves unconfirmed is undone. */
  private failure: { error: unknown } | undefined
  /** While a compaction writes the new file: the lines appended since it started, to carry over. */
  private tail: string[] | undefined
  private readonly jobs: Job[] = []
  private busy = false
  private closed = false

  private constructor(
    readonly file: string,
    handles: SyncHandles,
    size: number,
    capacity: number,
    private readonly options: AppendLogOptions
  ) {
    this.handles = handles
    this.size = size
    this.durable = size
    this.capacity = capacity
  }

  static async open(file: string, options: AppendLogOptions = {}): Promise<OpenedLog> {
    await mkdir(dirname(file), { recursive: true, mode: DIR_MODE })
    await removeStaleTemps(file)
    const { data, end, complete, lines } = await readLines(file)
    // Created with its mode if missing, then opened for writes at chosen offsets.
    await (await open(file, 'a', FILE_MODE)).close()
    // `mode` applies only when the file is created; a file left by an older run is tightened too.
    if (process.platform !== 'win32') await chmod(file, FILE_MODE)
    const handles = await openSyncHandles(file, SYNCS_IN_FLIGHT)
    if (data === undefined) await syncDir(dirname(file))
    if (complete < end) {
      await writeAt(handles[0], Buffer.alloc(end - complete), complete)
      await handles[0].datasync()
    }
    return { log: new AppendLog(file, handles, complete, data?.length ?? 0, options), lines }
  }

  /** Appends one line (no newline inside); resolves once it is on disk. */
  append(line: string): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`${this.file} is closed`))
    return new Promise((resolve, reject) => {
      if (this.batch.length === 0) this.jobs.push({ kind: 'lines', items: this.batch })
      const data = `${line}\n`
      this.batch.push({ data, resolve, reject })
      this.tail?.push(data)
      this.kick()
    })
  }

  /**
   * Replaces the whole file (compaction) with `lines`, which stand for everything appended before
   * this call, followed by every line appended after it. The new file is written and fsynced
   * beside the old one while appends go on; only the swap (the few lines appended meanwhile, a
   * rename, a directory fsync) holds appends back: a compaction costs no acknowledgement more
   * than a few milliseconds.
   */
  async rewrite(lines: readonly string[]): Promise<void> {
    if (this.closed) throw new Error(`${this.file} is closed`)
    const tail: string[] = []
    this.tail = tail
    let fresh: FileHandle | undefined
    try {
      const text = Buffer.from(lines.map((line) => `${line}\n`).join(''), 'utf8')
      const ahead = this.options.preallocate ?? 0
      const prepared = await prepareReplacement(this.file, text, ahead, FILE_MODE)
      fresh = prepared.handle
      const temp = prepared.path
      await new Promise<void>((resolve, reject) => {
        // From here on, lines go to a batch behind the swap: into the new file.
        this.tail = undefined
        this.seal()
        this.jobs.push({
          kind: 'rewrite',
          run: () =>
            this.swap(prepared.handle, temp, text.length, ahead, tail).then(resolve, reject)
        })
        this.kick()
      })
      fresh = undefined
    } finally {
      if (this.tail === tail) this.tail = undefined
      await fresh?.close().catch(() => undefined)
    }
  }

  /** Waits for every pending line, then closes the file. Later appends reject. */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve()
    this.closed = true
    return new Promise((resolve) => {
      this.seal()
      this.jobs.push({
        kind: 'rewrite',
        run: async () => {
          await closeAll(this.handles)
          this.handles = undefined
          resolve()
        }
      })
      this.kick()
    })
  }

  /** Lines appended from now on start a new batch, behind the job about to be queued. */
  private seal(): void {
    this.batch = []
  }

  private kick(): void {
    if (this.busy) return
    this.busy = true
    void this.drain()
  }

  /**
   * Writes batches one at a time, each followed by an fsync on a free slot; a rewrite (or close)
   * waits until nothing is in flight. While every slot is busy, appends gather into one batch.
   */
  private async drain(): Promise<void> {
    for (;;) {
      const inFlight = this.syncing.filter((sync) => sync !== undefined)
      if (this.failure) {
        await Promise.all(inFlight)
        await this.undoUnconfirmed()
        continue
      }
      const job = this.jobs[0]
      if (!job) break
      if (job.kind === 'lines' && inFlight.length >= SYNCS_IN_FLIGHT) {
        await Promise.race(inFlight)
        continue
      }
      if (job.kind === 'rewrite' && inFlight.length > 0) {
        await Promise.all(inFlight)
        continue
      }
      this.jobs.shift()
      if (job.kind === 'rewrite') {
        await job.run().catch(() => undefined)
        continue
      }
      // Lines arriving from now on wait for the next fsync: this batch is closed.
      if (job.items === this.batch) this.seal()
      await this.write(job.items)
    }
    this.busy = false
  }

  private async write(items: Pending[]): Promise<void> {
    const data = Buffer.from(items.map((item) => item.data).join(''), 'utf8')
    const started = performance.now()
    const end = this.size + data.length
    this.unconfirmed.push({ items, end, started })
    try {
      this.handles ??= await openSyncHandles(this.file, SYNCS_IN_FLIGHT)
      await writeAt(this.handles[0], data, this.size)
      const ahead = this.options.preallocate ?? 0
      if (end > this.capacity && ahead > 0) {
        // The rare write that grows the file: the zeros ahead ride on this batch's fsync.
        await writeAt(this.handles[0], Buffer.alloc(ahead), end)
        this.capacity = end + ahead
      }
    } catch (error) {
      // Earlier batches' fsyncs may still confirm them; this one and any later are undone.
      this.failure ??= { error }
      return
    }
    this.size = end
    this.capacity = Math.max(this.capacity, end)
    // An fsync failed meanwhile: its descriptor has reported the error and may now answer a new
    // fsync with success although bytes are lost. This batch is undone with the others instead.
    if (this.failure) return
    const slot = this.syncing.indexOf(undefined)
    const handle = this.handles[slot]!
    const sync = handle.datasync().then(
      () => this.confirm(end),
      (error: unknown) => void (this.failure ??= { error })
    )
    this.syncing[slot] = sync.finally(() => {
      this.syncing[slot] = undefined
      // A failure found while the drain is idle still has to be undone.
      if (this.failure) this.kick()
    })
  }

  /** An fsync called after the write that ended at `end` returned: everything up to it is kept. */
  private confirm(end: number): void {
    this.durable = Math.max(this.durable, end)
    while (this.unconfirmed.length > 0 && this.unconfirmed[0]!.end <= end) {
      const batch = this.unconfirmed.shift()!
      this.options.observe?.(performance.now() - batch.started, batch.items.length)
      for (const item of batch.items) item.resolve()
    }
  }

  /**
   * After a failed write or fsync, with nothing in flight: the lines no fsync confirmed are
   * refused and their bytes zeroed (best effort), so they never read as lines later; the next
   * batch is written where they began.
   */
  private async undoUnconfirmed(): Promise<void> {
    const { error } = this.failure!
    this.failure = undefined
    const refused = this.unconfirmed.flatMap((batch) => batch.items)
    this.unconfirmed = []
    this.size = this.durable
    if (this.handles) await zeroFrom(this.handles[0], this.size, this.capacity)
    // Never acknowledged, so not carried into a compacted file either.
    if (this.tail) {
      const failed = new Set(refused.map((item) => item.data))
      this.tail = this.tail.filter((data) => !failed.has(data))
    }
    for (const item of refused) item.reject(error)
  }

  /** Moves the prepared file in place, with the lines appended while it was being written. */
  private async swap(
    fresh: FileHandle,
    temp: string,
    size: number,
    ahead: number,
    tail: string[]
  ): Promise<void> {
    let others: FileHandle[] = []
    try {
      if (this.closed) throw new Error(`${this.file} is closed`)
      // The other slots' descriptors are opened before any line is written to the new file.
      others = await openDescriptors(temp, SYNCS_IN_FLIGHT - 1)
      const late = Buffer.from(tail.join(''), 'utf8')
      await writeAt(fresh, late, size)
      await fresh.datasync()
      // Closed first: Windows cannot rename over a file that is open.
      await closeAll(this.handles)
      this.handles = undefined
      await rename(temp, this.file)
      await syncDir(dirname(this.file))
      this.handles = [fresh, ...others]
      this.size = this.durable = size + late.length
      this.capacity = Math.max(size + ahead, this.size)
    } catch (error) {
      await closeAll([fresh, ...others])
      await rm(temp, { force: true }).catch(() => undefined)
      if (!this.closed) this.handles ??= await openSyncHandles(this.file, SYNCS_IN_FLIGHT)
      throw error
    }
  }
}
