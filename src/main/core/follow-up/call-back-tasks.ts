/**
 * The To call back list (issue 16 item 3): one task per customer (psid) who called and was missed.
 * Its input port is fed by the follow-up (missed calls and what became of their reply, see
 * ./call-back-tasks-wiring), by the call back's permission replies and by the registry (a call with
 * the customer connected: the task closes itself). Desks claim, release, close and reopen tasks
 * through the service. Every change is saved (./call-back-tasks-file) and told to listeners.
 *
 * A new missed call on a closed task reopens that task as a new round: counted from one, no claim,
 * no reply yet. One task per customer keeps the list short; the earlier round was dealt with.
 * Closed tasks older than 30 days are pruned whenever the list is saved.
 */
import { wordedError } from '../../../shared/words-english'
import {
  sortTasks,
  type CallBackTask,
  type CallBackTaskList
} from '../../../shared/call-back-tasks'
import type { CallBackPermission, MissedCall, ReplyOutcome } from '../../../shared/follow-up'
import type { Logger } from '../log'
import { TypedEmitter } from '../shared/typed-emitter'
import { TasksFile, type StoredTask } from './call-back-tasks-file'

export const KEEP_CLOSED_MS = 30 * 24 * 3600_000
/** Ids of counted calls kept per task: more than any replay could bring back. */
const COUNTED_IDS_KEPT = 20
/** Reply outcomes heard before their missed call (kept briefly, by call id). */
const EARLY_REPLIES_KEPT = 100

/** The desk acting on a task: its key (client-views deskKey) and the name others see. */
export interface TaskActor {
  desk: string
  deskName: string
  /** The owner's windows may release another desk's claim (they act for the business). */
  owner: boolean
}

export interface CallBackTasksOptions {
  logger: Logger
  now?: (() => number) | undefined
}

interface TaskEvents {
  changed: CallBackTaskList
}

export class CallBackTasks {
  private readonly emitter: TypedEmitter<TaskEvents>
  private readonly earlyReplies = new Map<string, ReplyOutcome>()
  private readonly now: () => number

  private constructor(
    private readonly file: TasksFile,
    private readonly tasks: Map<string, StoredTask>,
    private readonly setAside: string | undefined,
    private readonly log: Logger,
    now: (() => number) | undefined
  ) {
    this.now = now ?? Date.now
    this.emitter = new TypedEmitter((error) =>
      log.error('a To call back listener failed', { error: String(error) })
    )
  }

  static async open(dir: string, options: CallBackTasksOptions): Promise<CallBackTasks> {
    const log = options.logger.child('call-back-tasks')
    const now = options.now ?? Date.now
    const opened = await TasksFile.open(dir, log, now)
    const tasks = new Map(opened.tasks.map((task) => [task.psid, task]))
    const store = new CallBackTasks(opened.file, tasks, opened.setAside, log, now)
    if (store.prune()) await store.file.save([...tasks.values()])
    return store
  }

  /** Hears every change of the list (each claim as nobody's: readers see theirs, tasksSeenBy). */
  onChange(listener: (list: CallBackTaskList) => void): () => void {
    return this.emitter.on('changed', listener)
  }

  list(): CallBackTaskList {
    const now = this.now()
    const tasks = sortTasks([...this.tasks.values()].map((task) => toShared(task, now)))
    return this.setAside === undefined ? { tasks } : { tasks, setAside: this.setAside }
  }

  /** A missed call: opens the customer's task, counts it in, or reopens a closed one. */
  recordMissed(missed: MissedCall): void {
    const task = this.tasks.get(missed.psid)
    const reply = this.earlyReplies.get(missed.callId) ?? null
    this.earlyReplies.delete(missed.callId)
    if (task?.callIds.includes(missed.callId)) return
    if (task?.state === 'open') {
      task.missedCount++
      task.firstMissedAt = Math.min(task.firstMissedAt, missed.at)
      task.lastMissedAt = Math.max(task.lastMissedAt, missed.at)
      task.lastReason = missed.reason
      task.lastCallId = missed.callId
      task.reply = reply
      task.callIds = [...task.callIds, missed.callId].slice(-COUNTED_IDS_KEPT)
      if (missed.name) task.name = missed.name
    } else {
      this.tasks.set(missed.psid, {
        psid: missed.psid,
        name: missed.name ?? task?.name ?? null,
        firstMissedAt: missed.at,
        lastMissedAt: missed.at,
        missedCount: 1,
        lastReason: missed.reason,
        reply,
        // What the customer said about calls outlives a round; Meta's grant has its own expiry.
        permission: task?.permission ?? 'unknown',
        state: 'open',
        callIds: [missed.callId],
        lastCallId: missed.callId
      })
    }
    this.log.info(task?.state === 'closed' ? 'task reopened by a missed call' : 'missed call noted')
    this.changed()
  }

  /** What became of the reply to a missed call; shown when it is the task's latest call. */
  noteReply(callId: string, psid: string, outcome: ReplyOutcome): void {
    const task = this.tasks.get(psid)
    if (!task?.callIds.includes(callId)) {
      this.earlyReplies.set(callId, outcome)
      if (this.earlyReplies.size > EARLY_REPLIES_KEPT) {
        const oldest = this.earlyReplies.keys().next().value
        if (oldest !== undefined) this.earlyReplies.delete(oldest)
      }
      return
    }
    if (task.lastCallId !== callId) return
    task.reply = outcome
    // A request for permission went out with the reply: the customer has been asked.
    if (outcome.state === 'sent' && outcome.extra === 'permission-request') {
      if (task.permission !== 'allowed') task.permission = 'requested'
    }
    this.changed()
  }

  /**
   * Whether the customer allows a call back (the call back's permission events); a grant shows
   * as expired once `expiresAt` (ms) has passed.
   */
  notePermission(psid: string, permission: CallBackPermission, expiresAt?: number): void {
    const task = this.tasks.get(psid)
    if (!task) return
    if (task.permission === permission && task.permissionExpiresAt === expiresAt) return
    task.permission = permission
    if (permission === 'allowed' && expiresAt !== undefined) task.permissionExpiresAt = expiresAt
    else delete task.permissionExpiresAt
    this.changed()
  }

  /** The customer's name arrived after the call (Meta's profile). */
  noteName(psid: string, name: string): void {
    const task = this.tasks.get(psid)
    if (!task || task.name === name) return
    task.name = name
    this.changed()
  }

  /** A call with the customer connected (either way): their open task is done. */
  noteConnected(psid: string, deskName?: string): void {
    const task = this.tasks.get(psid)
    if (task?.state !== 'open') return
    const at = this.now()
    this.closeTask(task, deskName ? { how: 'connected', at, deskName } : { how: 'connected', at })
    this.log.info('task closed by a connected call')
  }

  claim(psid: string, by: TaskActor): CallBackTaskList {
    const task = this.require(psid)
    if (task.state !== 'open') throw wordedError('conflict', 'followUp.taskClosed')
    if (task.claim?.desk === by.desk) return this.list()
    if (task.claim) {
      throw wordedError('conflict', 'followUp.taskClaimed', { desk: task.claim.deskName })
    }
    task.claim = { desk: by.desk, deskName: by.deskName, at: this.now() }
    this.changed()
    return this.list()
  }

  release(psid: string, by: TaskActor): CallBackTaskList {
    const task = this.require(psid)
    if (!task.claim) return this.list()
    if (task.claim.desk !== by.desk && !by.owner) {
      throw wordedError('forbidden', 'followUp.onlyClaimerReleases', { desk: task.claim.deskName })
    }
    delete task.claim
    this.changed()
    return this.list()
  }

  close(psid: string, by: TaskActor): CallBackTaskList {
    const task = this.require(psid)
    if (task.state === 'open') {
      this.closeTask(task, { how: 'by-hand', at: this.now(), deskName: by.deskName })
    }
    return this.list()
  }

  /** Opens a closed task again as it was (same count and reply), unclaimed. */
  reopen(psid: string): CallBackTaskList {
    const task = this.require(psid)
    if (task.state === 'closed') {
      task.state = 'open'
      delete task.closed
      delete task.claim
      this.changed()
    }
    return this.list()
  }

  /** Resolves once every change so far is on disk (or its write failed and was logged). */
  settled(): Promise<void> {
    return this.file.settled()
  }

  dispose(): void {
    this.emitter.clear()
  }

  private closeTask(task: StoredTask, closed: NonNullable<StoredTask['closed']>): void {
    task.state = 'closed'
    task.closed = closed
    delete task.claim
    this.changed()
  }

  private require(psid: string): StoredTask {
    const task = this.tasks.get(psid)
    if (!task) throw wordedError('not-found', 'followUp.noTask')
    return task
  }

  /** Forgets closed tasks past their keeping time; true when any went. */
  private prune(): boolean {
    const before = this.now() - KEEP_CLOSED_MS
    let pruned = false
    for (const [psid, task] of this.tasks) {
      if (task.state === 'closed' && (task.closed?.at ?? 0) < before) {
        this.tasks.delete(psid)
        pruned = true
      }
    }
    return pruned
  }

  private changed(): void {
    this.prune()
    this.file
      .save([...this.tasks.values()])
      .catch((error: unknown) =>
        this.log.error('could not save the To call back list', { error: String(error) })
      )
    this.emitter.emit('changed', this.list())
  }
}

function toShared(task: StoredTask, now: number): CallBackTask {
  const { callIds: _ids, lastCallId: _last, permissionExpiresAt, claim, ...rest } = task
  const ranOut = permissionExpiresAt !== undefined && permissionExpiresAt <= now
  const shown =
    ranOut && rest.permission === 'allowed' ? { ...rest, permission: 'expired' as const } : rest
  return claim ? { ...shown, claim: { ...claim, mine: false } } : shown
}
