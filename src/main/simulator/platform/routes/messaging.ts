/**
 * Business-initiated calling around the call itself: the permission check, the Send API (the
 * `calling_optin` request that precedes a call back, the missed-call reply, the call button; shapes
 * checked in ./send-api), and per-call quality metrics.
 */
import { GraphError, invalidParam, noMatchingUser, requiredParam } from '../graph-error'
import { newMessageId, nowSeconds } from '../ids'
import { jsonValue, optionalObject, requireString, withoutSecrets } from '../params'
import { checkMessage } from './send-api'
import { hasCallPermission, type PermissionState, type Route, type RouteContext } from '../world'

/** Meta's limit: two permission requests per thread per 24 hours. */
export const PERMISSION_REQUESTS_PER_DAY = 2
const DAY = 24 * 3600

function permissionState(world: RouteContext['world'], psid: string): PermissionState {
  let state = world.permissions.get(psid)
  if (!state) {
    state = { requests: [] }
    world.permissions.set(psid, state)
  }
  return state
}

function recentRequests(state: PermissionState, now: number): number[] {
  return state.requests.filter((at) => at > now - DAY)
}

function getPermissions({ world, params }: RouteContext): unknown {
  const psid = requireString(params, 'psid')
  if (!world.profiles.has(psid)) throw noMatchingUser()
  const now = nowSeconds()
  const state = permissionState(world, psid)
  const granted = hasCallPermission(world, psid, now)
  const recent = recentRequests(state, now)
  const oldest = recent[0]
  return {
    permission: granted
      ? { status: 'has_permission', expiration_time: state.grantedUntil }
      : { status: 'no_permission' },
    actions: [
      {
        action_name: 'send_call_permission_request',
        can_perform: !granted && recent.length < PERMISSION_REQUESTS_PER_DAY,
        limits: [
          {
            time_period: 'PT24H',
            max_allowed: PERMISSION_REQUESTS_PER_DAY,
            current_usage: recent.length,
            ...(oldest === undefined ? {} : { limit_expiration_time: oldest + DAY })
          }
        ]
      },
      { action_name: 'start_call', can_perform: granted }
    ]
  }
}

function sendMessage({ world, params }: RouteContext): unknown {
  const recipient = optionalObject(params, 'recipient')
  if (!recipient) throw requiredParam('recipient')
  const psid = recipient['id']
  if (typeof psid !== 'string' || !world.profiles.has(psid)) throw noMatchingUser()
  const message = optionalObject(params, 'message')
  if (!message) throw requiredParam('message')
  const template = checkMessage(world, psid, params['messaging_type'], message)
  if (template === 'calling_optin') {
    const now = nowSeconds()
    const state = permissionState(world, psid)
    if (recentRequests(state, now).length >= PERMISSION_REQUESTS_PER_DAY)
      throw new GraphError({
        code: 613,
        message: '(#613) Calls to this api have exceeded the rate limit.'
      })
    state.requests.push(now)
  }
  const messageId = newMessageId()
  const messagingType =
    typeof params['messaging_type'] === 'string' ? params['messaging_type'] : undefined
  world.messages.push({ messageId, psid, message, at: nowSeconds(), messagingType })
  if (template === 'calling_optin') world.events.emit('permissionRequested', { psid, messageId })
  return { recipient_id: psid, message_id: messageId }
}

function postMetrics({ world, params }: RouteContext): unknown {
  const callId = requireString(params, 'call_id')
  if (!world.calls.get(callId)) throw invalidParam(`Invalid call id: ${callId}`)
  // The field layout is not documented: keep `metrics` when given, else every other parameter.
  const metrics = jsonValue(params, 'metrics') ?? withoutSecrets(params)
  world.metrics.push({ callId, metrics, at: nowSeconds() })
  world.events.emit('callMetrics', { callId, metrics })
  return { success: true }
}

export const messagingRoutes: Route[] = [
  {
    method: 'GET',
    edge: 'messenger_call_permissions',
    node: 'page',
    token: 'page',
    handle: getPermissions
  },
  { method: 'POST', edge: 'messages', node: 'page', token: 'page', handle: sendMessage },
  { method: 'POST', edge: 'call_metrics', node: 'page', token: 'page', handle: postMetrics }
]
