/**
 * The To call back commands (issue 16 item 3): every desk lists and works the one list the hub
 * keeps (core/follow-up/call-back-tasks); a claim or a close names the desk of the client that
 * made it, and each client reads the claims as its own desk's or another's.
 */
import { wordedError } from '../../../shared/words-english'
import type { EventMessage } from '../../../shared/api'
import { tasksSeenBy, type CallBackTaskList } from '../../../shared/call-back-tasks'
import type { Settings } from '../../../shared/settings'
import type { CallBackTasks, TaskActor } from '../follow-up/call-back-tasks'
import { deskKey, deskNameOf, isOwner } from './client-views'
import type { ClientHandle } from './softphone-service'

export type CallBackTasksPort = Pick<
  CallBackTasks,
  'list' | 'claim' | 'release' | 'close' | 'reopen' | 'onChange'
>

type TaskCommand = (request: { psid: string }, client: ClientHandle) => Promise<CallBackTaskList>

/** What the service is given for the list (SoftphoneServiceDeps extends it). */
export interface CallBackTaskDeps {
  /** The To call back list (core/follow-up); without it its commands say it is not kept here. */
  callBackTasks?: CallBackTasksPort | undefined
  settings: { get(): Settings }
}

/** The commands, and every change of the list told to every client until `cleanups` run. */
export function callBackTaskCommands(
  deps: CallBackTaskDeps,
  broadcast: (message: EventMessage) => void,
  cleanups: (() => void)[]
): {
  listCallBackTasks: (request: object, client: ClientHandle) => Promise<CallBackTaskList>
  claimCallBackTask: TaskCommand
  releaseCallBackTask: TaskCommand
  closeCallBackTask: TaskCommand
  reopenCallBackTask: TaskCommand
} {
  const tasks = deps.callBackTasks
  const settings = (): Settings => deps.settings.get()
  cleanups.push(tellTaskChanges(tasks, broadcast))
  const list = (): CallBackTasksPort => {
    if (!tasks) throw wordedError('not-configured', 'followUp.tasksNotKept')
    return tasks
  }
  const actorOf = (client: ClientHandle): TaskActor => ({
    desk: deskKey(client),
    // A seat always has its paired name; the id only stands in for a nameless test client.
    deskName: deskNameOf(client, settings()) ?? client.id,
    owner: isOwner(client)
  })
  const seen = (result: CallBackTaskList, client: ClientHandle): CallBackTaskList =>
    tasksSeenBy(result, deskKey(client))
  return {
    listCallBackTasks: async (_request, client) => seen(list().list(), client),
    claimCallBackTask: async ({ psid }, client) =>
      seen(list().claim(psid, actorOf(client)), client),
    releaseCallBackTask: async ({ psid }, client) =>
      seen(list().release(psid, actorOf(client)), client),
    closeCallBackTask: async ({ psid }, client) =>
      seen(list().close(psid, actorOf(client)), client),
    reopenCallBackTask: async ({ psid }, client) => seen(list().reopen(psid), client)
  }
}

/** Tells every client each change of the list (the broadcast words claims for each reader). */
export function tellTaskChanges(
  tasks: CallBackTasksPort | undefined,
  broadcast: (message: EventMessage) => void
): () => void {
  return (
    tasks?.onChange((list) => broadcast({ event: 'callBackTasks', payload: list })) ??
    (() => undefined)
  )
}
