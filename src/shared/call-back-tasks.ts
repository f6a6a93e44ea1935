/**
 * The To call back list (issue 16 item 3): one task per customer who called and was missed, on
 * every desk. A desk claims a task so two people do not call the same customer; the task closes
 * itself when a call with that customer connects, or by hand, and can be reopened. Times are ms
 * since the epoch. Words are the renderer's (followUp.tasks in the catalogues).
 */
import { z } from 'zod'
import type { CallBackPermission, MissedReason, ReplyOutcome } from './follow-up'

/** A task is the customer's: its key is their page-scoped id (never shown). */
const Psid = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w.-]+$/)

export const listCallBackTasksRequest = z.object({}).strict()
/** Claim, release, close or reopen the task of one customer. */
export const callBackTaskRequest = z.object({ psid: Psid }).strict()

/** Who is calling the customer back: a desk, by the name the desks know it by. */
export interface CallBackTaskClaim {
  /** The claiming desk, as a key (the hub's own windows share one; each seat has its own). */
  desk: string
  deskName: string
  at: number
  /** The desk that reads this claimed it (the reader may release it). */
  mine: boolean
}

/** How a task was closed: a call with the customer connected, or a desk said it is done. */
export type CallBackTaskClosing =
  | { how: 'connected'; at: number; deskName?: string | undefined }
  | { how: 'by-hand'; at: number; deskName: string }

export interface CallBackTask {
  psid: string
  /** The customer's name when Meta gave one. */
  name: string | null
  firstMissedAt: number
  lastMissedAt: number
  /** Missed calls since the task (re)opened. */
  missedCount: number
  lastReason: MissedReason
  /** What became of the missed-call reply to the latest missed call; null: not known yet. */
  reply: ReplyOutcome | null
  /** Whether the customer allowed a call back (Meta's call_permission_reply). */
  permission: CallBackPermission
  claim?: CallBackTaskClaim | undefined
  state: 'open' | 'closed'
  closed?: CallBackTaskClosing | undefined
}

export interface CallBackTaskList {
  /** Open tasks first, newest missed call first; then closed ones, latest closed first. */
  tasks: CallBackTask[]
  /** The tasks file could not be read at start: it was kept under this name (nothing deleted). */
  setAside?: string | undefined
}

/** Open tasks first (newest call first), then the closed ones (latest closed first). */
export function sortTasks(tasks: CallBackTask[]): CallBackTask[] {
  const open = tasks.filter((task) => task.state === 'open')
  const closed = tasks.filter((task) => task.state === 'closed')
  open.sort((a, b) => b.lastMissedAt - a.lastMissedAt)
  closed.sort((a, b) => (b.closed?.at ?? 0) - (a.closed?.at ?? 0))
  return [...open, ...closed]
}

/** Each claim as one reader sees it: `mine` when its own desk holds it. */
export function tasksSeenBy(list: CallBackTaskList, desk: string): CallBackTaskList {
  return {
    ...list,
    tasks: list.tasks.map((task) =>
      task.claim ? { ...task, claim: { ...task.claim, mine: task.claim.desk === desk } } : task
    )
  }
}
