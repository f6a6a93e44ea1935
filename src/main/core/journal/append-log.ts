/**
 * An append-only file of JSON lines with group commit: `append` resolves only once its bytes are
 * on disk (write + fdatasync), and every line appended while one fsync is in flight shares the
 * next one. A burst of deliveries therefore costs one fsync per batch, not one per line, while no
 * caller is told "kept" before the fsync that covers its bytes has returned.
 *
 * A crash can leave at most a torn last line (never acknowledged): `open` cuts it off, so a new
 * line never glues onto a broken one. Files are created 0600 in a 0700 folder: they hold raw
 * webhook deliveries, which name the people who called.
 *
 * One writer per file, as for the call history.
 */
import { chmod, mkdir, open, readFile, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { removeStaleTemps, syncDir, writeFileAtomic } from '../config/atomic-write'

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

export interface OpenedLog {
  log: AppendLog
  /** The complete lines the file held, in order (a torn last line is left out). */
  lines: string[]
}

export class AppendLog {
  private handle: FileHandle | undefined
  /** Bytes of complete lines in the file, as of the last successful write. */
  private size: number
  private batch: Pending[] = []
  private readonly jobs: Job[] = []
  private busy = false
  private closed = false

  private constructor(
    readonly file: string,
    handle: FileHandle,
    size: number,
    private readonly observe: BatchObserver | undefined
  ) {
    this.handle = handle
    this.size = size
  }

  static async open(file: string, observe?: BatchObserver): Promise<OpenedLog> {
    await mkdir(dirname(file), { recursive: true, mode: DIR_MODE })
    await removeStaleTemps(file)
    const data = await readFile(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined
      throw error
    })
    const bytes = data ?? Buffer.alloc(0)
    const complete = bytes.lastIndexOf(0x0a) + 1
    const handle = await open(file, 'a', FILE_MODE)
    // `mode` applies only when the file is created; a file left by an older run is tightened too.
    if (process.platform !== 'win32') await chmod(file, FILE_MODE)
    if (data === undefined) await syncDir(dirname(file))
    if (complete < bytes.length) {
      await handle.truncate(complete)
      await handle.datasync()
    }
    const lines = bytes
      .subarray(0, complete)
      .toString('utf8')
      .split('\n')
      .filter((line) => line.length > 0)
    return { log: new AppendLog(file, handle, complete, observe), lines }
  }

  /** Appends one line (no newline inside); resolves once it is on disk. */
  append(line: string): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`${this.file} is closed`))
    return new Promise((resolve, reject) => {
      if (this.batch.length === 0) this.jobs.push({ kind: 'lines', items: this.batch })
      this.batch.push({ data: `${line}\n`, resolve, reject })
      this.kick()
    })
  }

  /**
   * Replaces the whole file with these lines (compaction), atomically, after every line appended
   * before this call is on disk. Lines appended after it land in the new file.
   */
  rewrite(lines: () => string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.seal()
      this.jobs.push({
        kind: 'rewrite',
        run: () =>
          this.replace(lines()).then(resolve, (error: unknown) => {
            reject(error)
            throw error
          })
      })
      this.kick()
    })
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
    try {
      this.handle ??= await open(this.file, 'a', FILE_MODE)
      await writeFully(this.handle, data)
      await this.handle.datasync()
      this.size += data.length
      this.observe?.(performance.now() - started, items.length)
      for (const item of items) item.resolve()
    } catch (error) {
      // Best effort: a partial batch must not stay in front of the next one.
      await this.handle?.truncate(this.size).catch(() => undefined)
      for (const item of items) item.reject(error)
    }
  }

  private async replace(lines: string[]): Promise<void> {
    const text = lines.map((line) => `${line}\n`).join('')
    // Closed first: Windows cannot rename over a file that is open.
    await this.handle?.close().catch(() => undefined)
    this.handle = undefined
    try {
      await writeFileAtomic(this.file, text, { mode: FILE_MODE })
      this.size = Buffer.byteLength(text)
    } finally {
      this.handle = await open(this.file, 'a', FILE_MODE)
    }
  }
}

/** FileHandle.write may write less than asked (a full disk): loop until all is out or it throws. */
async function writeFully(handle: FileHandle, data: Uint8Array): Promise<void> {
  let offset = 0
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset, null)
    if (bytesWritten === 0) throw new Error('Could not write to the journal')
    offset += bytesWritten
  }
}
