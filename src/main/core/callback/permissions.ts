/**
 * Graph's `messenger_call_permissions` answer, read into what the owner needs: may we call, may we
 * ask, how many tries are left, and why not, in words. What this desk remembers (a request still
 * waiting for its reply, a "no") is folded in: Graph only knows granted or not.
 */
import type {
  CallPermissionInfo,
  CallPermissionStatus,
  PermissionAction,
  PermissionLimit
} from '../../../shared/callback'
import {
  describeLimit,
  formatWhen,
  limitFor,
  permissionSummary,
  remainingUses,
  sentence
} from '../../../shared/callback'
import type { CallPermissions } from '../../../shared/graph'

/** What this desk knows about a customer beyond Graph's answer. */
export type LocalPermission =
  | { state: 'pending'; requestedAt: number }
  | { state: 'rejected'; at: number }
  | { state: 'approved'; at: number; expiresAt: number | undefined }

/** Graph's action names (docs section 7); other actions are ignored. */
const ACTIONS: Record<string, PermissionAction> = {
  send_call_permission_request: 'request-permission',
  start_call: 'start-call'
}

function graphStatus(raw: string, expiresAt: number | undefined, now: number) {
  const status = raw.toLowerCase()
  if (status === 'has_permission' || status === 'granted' || status === 'approved') {
    return expiresAt !== undefined && expiresAt <= now ? 'expired' : 'has_permission'
  }
  if (status === 'no_permission' || status === 'none' || status === 'not_granted')
    return 'no_permission'
  if (status.includes('expired')) return 'expired'
  if (status.includes('reject') || status.includes('declin')) return 'rejected'
  return 'unknown'
}

function readLimits(actions: CallPermissions['actions']): PermissionLimit[] {
  const limits: PermissionLimit[] = []
  for (const entry of actions) {
    const action = ACTIONS[entry.action_name]
    if (!action) continue
    for (const limit of entry.limits ?? []) {
      // A limit without its maximum says nothing we could show or respect.
      if (limit.max_allowed === undefined) continue
      limits.push({
        action,
        maxAllowed: limit.max_allowed,
        currentUsage: limit.current_usage ?? 0,
        period: limit.time_period,
        resetsAt:
          limit.limit_expiration_time === undefined ? undefined : limit.limit_expiration_time * 1000
      })
    }
  }
  return limits
}

function canPerform(actions: CallPermissions['actions'], action: PermissionAction) {
  const entry = actions.find((candidate) => ACTIONS[candidate.action_name] === action)
  return entry?.can_perform
}

/** Graph's status, refined by what this desk saw: a pending request or a "no" it heard about. */
function combine(
  fromGraph: CallPermissionStatus,
  local: LocalPermission | undefined
): CallPermissionStatus {
  if (fromGraph !== 'no_permission' || !local) return fromGraph
  if (local.state === 'pending') return 'pending'
  if (local.state === 'rejected') return 'rejected'
  return fromGraph
}

export interface PermissionInput {
  psid: string
  /** The customer's name for sentences, or a stand-in such as "this customer". */
  name: string
  graph: CallPermissions
  local: LocalPermission | undefined
  now: number
  formatTime?: ((ms: number) => string) | undefined
}

export function toPermissionInfo(input: PermissionInput): CallPermissionInfo {
  const { graph, now, name } = input
  const formatTime = input.formatTime ?? ((ms: number) => formatWhen(ms, now))
  const expiresAt =
    graph.permission.expiration_time === undefined
      ? undefined
      : graph.permission.expiration_time * 1000
  const status = combine(graphStatus(graph.permission.status, expiresAt, now), input.local)
  const limits = readLimits(graph.actions)
  const granted = status === 'has_permission'

  const requestLimit = limitFor({ limits }, 'request-permission')
  let requestBlocked: string | undefined
  if (granted) requestBlocked = undefined
  else if (requestLimit && remainingUses(requestLimit) === 0)
    requestBlocked = describeLimit(requestLimit, formatTime)
  else if (canPerform(graph.actions, 'request-permission') === false)
    requestBlocked = `Facebook does not allow asking ${name} for permission right now; try again later.`

  const callLimit = limitFor({ limits }, 'start-call')
  let callBlocked: string | undefined
  if (!granted) callBlocked = `${name} has to allow calls from your Page first.`
  else if (callLimit && remainingUses(callLimit) === 0)
    callBlocked = describeLimit(callLimit, formatTime)
  else if (canPerform(graph.actions, 'start-call') === false)
    callBlocked = `Facebook does not allow calling ${name} right now; try again later.`

  return {
    psid: input.psid,
    status,
    expiresAt,
    requestedAt: input.local?.state === 'pending' ? input.local.requestedAt : undefined,
    canRequest: !granted && requestBlocked === undefined,
    canCall: granted && callBlocked === undefined,
    limits,
    summary: permissionSummary(status, name, expiresAt),
    requestBlocked: requestBlocked && sentence(requestBlocked),
    callBlocked: callBlocked && sentence(callBlocked)
  }
}
