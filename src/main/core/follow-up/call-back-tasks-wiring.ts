/**
 * What feeds the To call back list, wired once by the core: the follow-up's missed calls and reply
 * outcomes, the call back's permission replies (core/callback hears Meta's call_permission_reply;
 * the list only listens), and the registry: a connected call with the customer closes their task,
 * and a caller's name that arrives late names it.
 */
import type { CallPermissionChange, CallPermissionStatus } from '../../../shared/callback'
import type { CallBackPermission, MissedCall, ReplyOutcome } from '../../../shared/follow-up'
import type { CallBackPort, RegistryPort } from '../service/ports'
import type { CallBackTasks } from './call-back-tasks'

/** The follow-up port's listening side (./missed-calls FollowUpPort). */
export interface MissedCallSource {
  onMissedCall(listener: (missed: MissedCall) => void): () => void
  onReplyOutcome(
    listener: (callId: string, psid: string, outcome: ReplyOutcome) => void
  ): () => void
}

export interface CallBackTaskSources {
  followUp: MissedCallSource
  registry: Pick<RegistryPort, 'on'>
  callBack?: Pick<CallBackPort, 'on'> | undefined
}

const PERMISSIONS: Record<CallPermissionStatus, CallBackPermission> = {
  has_permission: 'allowed',
  pending: 'requested',
  rejected: 'declined',
  expired: 'expired',
  no_permission: 'unknown',
  unknown: 'unknown'
}

export function permissionOf(change: CallPermissionChange): CallBackPermission {
  return PERMISSIONS[change.status]
}

/** Connects the list to its sources; returns the function that disconnects it. */
export function wireCallBackTasks(tasks: CallBackTasks, sources: CallBackTaskSources): () => void {
  const offs = [
    sources.followUp.onMissedCall((missed) => tasks.recordMissed(missed)),
    sources.followUp.onReplyOutcome((callId, psid, outcome) =>
      tasks.noteReply(callId, psid, outcome)
    ),
    sources.registry.on('call', (call) => {
      // The test line's calls are no customer's.
      if (call.test || call.caller.psid === '') return
      if (call.caller.name) tasks.noteName(call.caller.psid, call.caller.name)
      if (call.state === 'connected') tasks.noteConnected(call.caller.psid, call.answeredByDesk)
    })
  ]
  const callBack = sources.callBack
  if (callBack) {
    offs.push(
      callBack.on('permission', (change) =>
        tasks.notePermission(change.psid, permissionOf(change), change.expiresAt)
      )
    )
  }
  return () => {
    for (const off of offs) off()
  }
}
