/**
 * The call history's file on disk (history.jsonl), as the store writes it: complete lines appended
 * in one write(2) and made durable with fdatasync, a torn write cut back before the next one, and
 * compaction, which rewrites the file with only the live records (temp file + fsync + rename).
 */
import { open, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { syncDir } from '../shared/atomic-write'
import type { Logger } from '../log'
import { rewriteHistory } from './compact'
import { endWithNewline, type LoadedHistory } from './load'
import type { Entry } from './query'
import { writeFully } from './write-fully'

export class HistoryFile {
  /** Complete lines in the file, and its length in bytes, as of the last successful write. */
  private lines = 0
  private size = 0
  /** A failed write may have left part of a line: cut the file back to `size` before the next. */
  private dirty = false
  private handle: FileHandle | undefined
  /** Unreadable lines that could not be set aside: compaction keeps them, so they are never lost. */
  private retained: Uint8Array[] = []

  constructor(
    readonly path: string,
    private readonly logger: Logger
  ) {}

  /** Opens the file just read for appending, ending it with a newline if its last line is torn. */
  async open(loaded: LoadedHistory): Promise<void> {
    if (!loaded.setAsideFile) this.retained = loaded.unreadable
    // 0600: the history names the people who called.
    this.handle = await open(this.path, 'a', 0o600)
    if (!loaded.existed) await syncDir(dirname(this.path))
    ;({ size: this.size, lines: this.lines } = await endWithNewline(this.handle, loaded))
  }

  /** Lines that hold none of the `live` records: superseded, evicted or corrupt ones. */
  deadLines(live: number): number {
    return this.lines - live - this.retained.length
  }

  /** Appends complete lines; resolves once they are on disk. */
  async append(lines: readonly string[]): Promise<void> {
    // Reopened here if a failed compaction could not reopen it.
    this.handle ??= await open(this.path, 'a', 0o600)
    const handle = this.handle
    if (this.dirty) {
      await handle.truncate(this.size)
      this.dirty = false
    }
    const data = Buffer.from(lines.join(''), 'utf8')
    try {
      await writeFully(handle, data)
      await handle.datasync()
    } catch (error) {
      this.dirty = true
      // Best effort now; if it fails too, the next write retries before appending.
      await handle.truncate(this.size).then(
        () => (this.dirty = false),
        () => undefined
      )
      throw error
    }
    this.size += data.length
    this.lines += lines.length
  }

  /** Rewrites the file with only the `live` records, in order (and unreadable lines kept back). */
  async compact(live: readonly Entry[]): Promise<void> {
    // Closed first: Windows cannot rename over a file that is open.
    await this.handle?.close().catch(() => undefined)
    this.handle = undefined
    const written = await rewriteHistory(this.path, this.retained, live, this.logger)
    if (written) {
      ;({ lines: this.lines, size: this.size } = written)
      this.dirty = false
    }
    this.handle = await open(this.path, 'a', 0o600).catch((error: unknown) => {
      this.logger.error('Could not reopen the call history; will retry at the next write', {
        file: this.path,
        error
      })
      return undefined
    })
  }

  async close(): Promise<void> {
    await this.handle?.close()
    this.handle = undefined
  }
}
