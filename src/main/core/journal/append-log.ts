/**
 * An append-only file of JSON lines with group commit: `append` resolves only once its bytes are
 * on disk (write + fdatasync), and every line appended while one fsync is in flight shares the
 * next one. A burst of deliveries therefore costs one fsync per batch, not one per line, while no
 * caller is told "kept" before the fsync that covers its bytes has returned.
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
import { chmod, mkdir, open, readFile, rename, rm, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { removeStaleTemps, syncDir } from '../shared/atomic-write'
import { prepareReplacement } from './replacement'

const FILE_MODE = 0o600
const DIR_MODE = 0o700

interface Pending {
  data: string
  resolve: () => void
  reject: (error: unknown) => void
}

type Job = { kind: 'lines'; items: Pending[] } | { kind: 'rewrite'; run: () => Promise<void> }

/** Told after each batch is on disk: how long its write and fsync took, and how many lines it held. */
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
  private handle: FileHandle | undefined
  /** Bytes of complete lines in the file, as of the last successful write. */
  private size: number
  /** The file's length: `size` plus the zeros written ahead. */
  private capacity: number
  private batch: Pending[] = []
  /** While a compaction writes the new file: the lines appended since it started, to carry over. */
  private tail: string[] | undefined
  private readonly jobs: Job[] = []
  private busy = false
  private closed = false

  private constructor(
    readonly file: string,
    handle: FileHandle,
    size: number,
    capacity: number,
    private readonly options: AppendLogOptions
  ) {
    this.handle = handle
    this.size = size
    this.capacity = capacity
  }

  static async open(file: string, options: AppendLogOptions = {}): Promise<OpenedLog> {
    await mkdir(dirname(file), { recursive: true, mode: DIR_MODE })
    await removeStaleTemps(file)
    const data = await readFile(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined
      throw error
    })
    const bytes = data ?? Buffer.alloc(0)
    const zero = bytes.indexOf(0)
    const end = zero === -1 ? bytes.length : zero
    const complete = bytes.subarray(0, end).lastIndexOf(0x0a) + 1
    // Created with its mode if missing, then opened for writes at chosen offsets.
    await (await open(file, 'a', FILE_MODE)).close()
    // `mode` applies only when the file is created; a file left by an older run is tightened too.
    if (process.platform !== 'win32') await chmod(file, FILE_MODE)
    const handle = await open(file, 'r+')
    if (data === undefined) await syncDir(dirname(file))
    if (complete < end) {
      await writeAt(handle, Buffer.alloc(end - complete), complete)
      await handle.datasync()
    }
    const lines = bytes
      .subarray(0, complete)
      .toString('utf8')
      .split('\n')
      .filter((line) => line.length > 0)
    return { log: new AppendLog(file, handle, complete, bytes.length, options), lines }
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
          await this.handle?.close()
          this.handle = undefined
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

  private async drain(): Promise<void> {
    while (this.jobs.length > 0) {
      const job = this.jobs.shift()!
      // Lines arriving from now on wait for the next fsync: this batch is closed.
      if (job.kind === 'lines' && job.items === this.batch) this.seal()
      if (job.kind === 'lines') await this.write(job.items)
      else await job.run().catch(() => undefined)
    }
    this.busy = false
  }

  private async write(items: Pending[]): Promise<void> {
    const data = Buffer.from(items.map((item) => item.data).join(''), 'utf8')
    const started = performance.now()
    const end = this.size + data.length
    try {
      this.handle ??= await open(this.file, 'r+')
      await writeAt(this.handle, data, this.size)
      const ahead = this.options.preallocate ?? 0
      if (end > this.capacity && ahead > 0) {
        // The rare write that grows the file: the zeros ahead ride on this batch's fsync.
        await writeAt(this.handle, Buffer.alloc(ahead), end)
        this.capacity = end + ahead
      }
      await this.handle.datasync()
      this.size = end
      this.capacity = Math.max(this.capacity, end)
      this.options.observe?.(performance.now() - started, items.length)
      for (const item of items) item.resolve()
    } catch (error) {
      // Best effort: a partial batch must not read as lines later (it was never acknowledged).
      const handle = this.handle
      await handle
        ?.truncate(this.capacity)
        .then(() => writeAt(handle, Buffer.alloc(this.capacity - this.size), this.size))
        .catch(() => undefined)
      // Never acknowledged, so not carried into a compacted file either.
      if (this.tail) {
        const failed = new Set(items.map((item) => item.data))
        this.tail = this.tail.filter((data) => !failed.has(data))
      }
      for (const item of items) item.reject(error)
    }
  }

  /** Moves the prepared file in place, with the lines appended while it was being written. */
  private async swap(
    fresh: FileHandle,
    temp: string,
    size: number,
    ahead: number,
    tail: string[]
  ): Promise<void> {
    try {
      if (this.closed) throw new Error(`${this.file} is closed`)
      const late = Buffer.from(tail.join(''), 'utf8')
      await writeAt(fresh, late, size)
      await fresh.datasync()
      // Closed first: Windows cannot rename over a file that is open.
      await this.handle?.close().catch(() => undefined)
      this.handle = undefined
      await rename(temp, this.file)
      await syncDir(dirname(this.file))
      this.handle = fresh
      this.size = size + late.length
      this.capacity = Math.max(size + ahead, this.size)
    } catch (error) {
      await fresh.close().catch(() => undefined)
      await rm(temp, { force: true }).catch(() => undefined)
      if (!this.closed) this.handle ??= await open(this.file, 'r+')
      throw error
    }
  }
}

/** FileHandle.write may write less than asked (a full disk): loop until all is out or it throws. */
async function writeAt(handle: FileHandle, data: Uint8Array, position: number): Promise<void> {
  let offset = 0
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(
      data,
      offset,
      data.length - offset,
      position + offset
    )
    if (bytesWritten === 0) throw new Error('Could not write to the journal')
    offset += bytesWritten
  }
}
