/**
 * The To call back list on disk: call-back-tasks.json in the data folder, owner-only (0600),
 * replaced atomically on every change, one write after the other. A file that cannot be read is
 * never deleted: it is set aside under a dated name, logged, and its name is told to every desk
 * (the list starts empty; a missed call after that opens its task again).
 */
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { CallBackTask } from '../../../shared/call-back-tasks'
import { moveAside, setAsidePath } from '../config/set-aside'
import type { Logger } from '../log'
import { removeStaleTemps, writeFileAtomic } from '../shared/atomic-write'
import { MISSED_REASONS, storedReplySchema } from './stored-follow-up'

export const TASKS_FILE = 'call-back-tasks.json'

const PERMISSIONS = ['unknown', 'requested', 'allowed', 'declined', 'expired'] as const

const Time = z.number().int().nonnegative()

const storedTaskSchema = z.object({
  psid: z.string().min(1),
  name: z.string().nullable(),
  firstMissedAt: Time,
  lastMissedAt: Time,
  missedCount: z.number().int().positive(),
  lastReason: z.enum(MISSED_REASONS),
  reply: storedReplySchema.nullable(),
  permission: z.enum(PERMISSIONS),
  /** When an `allowed` runs out (Meta's grant has an end). */
  permissionExpiresAt: Time.optional(),
  claim: z.object({ desk: z.string(), deskName: z.string(), at: Time }).optional(),
  state: z.enum(['open', 'closed']),
  closed: z
    .discriminatedUnion('how', [
      z.object({ how: z.literal('connected'), at: Time, deskName: z.string().optional() }),
      z.object({ how: z.literal('by-hand'), at: Time, deskName: z.string() })
    ])
    .optional(),
  /** The missed calls counted since the task opened (the latest few): a replay counts nothing. */
  callIds: z.array(z.string()),
  /** The latest missed call's id: its reply outcome is the one shown. */
  lastCallId: z.string()
})

const tasksFileSchema = z.object({ version: z.literal(1), tasks: z.array(storedTaskSchema) })

/** A task as kept: the shared shape without the reader's `mine`, plus what counting needs. */
export type StoredTask = Omit<CallBackTask, 'claim'> & {
  claim?: Omit<NonNullable<CallBackTask['claim']>, 'mine'> | undefined
  permissionExpiresAt?: number | undefined
  callIds: string[]
  lastCallId: string
}

export interface OpenedTasks {
  file: TasksFile
  tasks: StoredTask[]
  /** The unreadable file's new name, when one was set aside. */
  setAside?: string | undefined
}

export class TasksFile {
  private writes: Promise<unknown> = Promise.resolve()

  private constructor(readonly path: string) {}

  static async open(dir: string, logger: Logger, now: () => number): Promise<OpenedTasks> {
    await mkdir(dir, { recursive: true, mode: 0o700 })
    const path = join(dir, TASKS_FILE)
    await removeStaleTemps(path)
    const file = new TasksFile(path)
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { file, tasks: [] }
      throw error
    }
    const parsed = tasksFileSchema.safeParse(parseJson(text))
    if (parsed.success) return { file, tasks: parsed.data.tasks }
    const target = setAsidePath(path, now())
    await moveAside(path, target)
    logger.warn('The To call back list could not be read; set aside, the list starts empty', {
      file: path,
      setAside: target
    })
    return { file, tasks: [], setAside: target }
  }

  /** Writes the whole list as it is when its turn comes; a failed write does not stop the next. */
  save(tasks: readonly StoredTask[]): Promise<void> {
    const write = this.writes.then(() =>
      writeFileAtomic(this.path, `${JSON.stringify({ version: 1, tasks })}\n`)
    )
    this.writes = write.catch(() => undefined)
    return write
  }

  /** Resolves once every write asked for so far has finished (or failed). */
  async settled(): Promise<void> {
    await this.writes
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
