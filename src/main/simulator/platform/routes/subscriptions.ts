/**
 * `/{app-id}/subscriptions` with the app token. Like Meta, a POST that sets a callback URL first
 * performs the verification handshake against it and fails unless the challenge comes back.
 */
import { GraphError, invalidParam, requiredParam } from '../graph-error'
import { newChallenge } from '../ids'
import { optionalList, optionalString, requireString } from '../params'
import type { AppSubscription, Route, RouteContext, World } from '../world'

function verificationFailed(code: 2200 | 2201, detail: string): GraphError {
  const prefix = code === 2200 ? 'callback verification failed: ' : ''
  return new GraphError({ code, message: `(#${code}) ${prefix}${detail}` })
}

/** Meta's GET to the callback; resolves when the callback echoed the challenge. */
export async function verifyCallback(
  callbackUrl: string,
  verifyToken: string,
  timeoutMs: number
): Promise<void> {
  const challenge = newChallenge()
  const url = new URL(callbackUrl)
  url.searchParams.set('hub.mode', 'subscribe')
  url.searchParams.set('hub.challenge', challenge)
  url.searchParams.set('hub.verify_token', verifyToken)
  let status: number
  let body: string
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) })
    status = response.status
    body = await response.text()
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError'
    throw verificationFailed(
      2200,
      timedOut
        ? `Operation timed out after ${timeoutMs} milliseconds with 0 bytes received`
        : "Couldn't connect to server"
    )
  }
  if (status !== 200)
    throw verificationFailed(2200, `Received HTTP code: ${status} from ${callbackUrl}`)
  if (body !== challenge)
    throw verificationFailed(
      2201,
      `response does not match challenge, expected value="${challenge}", received="${body.slice(0, 64)}"`
    )
}

function listSubscriptions({ world }: RouteContext): unknown {
  return {
    data: [...world.subscriptions.values()].map((sub) => ({
      object: sub.object,
      callback_url: sub.callback_url,
      active: sub.active,
      fields: sub.fields.map((name) => ({ name, version: world.apiVersion }))
    }))
  }
}

function readCallbackUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw invalidParam('Param callback_url is not a valid URI')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw invalidParam('Param callback_url is not a valid URI')
  return value
}

async function subscribe({ world, params }: RouteContext): Promise<unknown> {
  const object = requireString(params, 'object')
  const existing = world.subscriptions.get(object)
  const urlParam = optionalString(params, 'callback_url')
  const callbackUrl = urlParam ?? existing?.callback_url
  if (callbackUrl === undefined) throw requiredParam('callback_url')
  const verifyToken = optionalString(params, 'verify_token') ?? existing?.verify_token
  if (verifyToken === undefined) throw requiredParam('verify_token')
  const fields = optionalList(params, 'fields')
  if (!fields && !existing) throw requiredParam('fields')
  readCallbackUrl(callbackUrl)
  // Meta verifies when the callback or its token is set; adding fields alone needs no handshake.
  if (urlParam !== undefined || verifyToken !== existing?.verify_token)
    await verifyCallback(callbackUrl, verifyToken, world.handshakeTimeoutMs)
  const next: AppSubscription = {
    object,
    callback_url: callbackUrl,
    verify_token: verifyToken,
    // Meta adds the named fields to those already subscribed.
    fields: [...new Set([...(existing?.fields ?? []), ...(fields ?? [])])],
    include_values: optionalString(params, 'include_values') === 'true',
    active: true
  }
  world.subscriptions.set(object, next)
  world.events.emit('subscribed', { object, callbackUrl, fields: next.fields })
  return { success: true }
}

function unsubscribe({ world, params }: RouteContext): unknown {
  const object = optionalString(params, 'object')
  const fields = optionalList(params, 'fields')
  const targets = object === undefined ? [...world.subscriptions.keys()] : [object]
  for (const name of targets) removeFields(world, name, fields)
  return { success: true }
}

function removeFields(world: World, object: string, fields: string[] | undefined): void {
  const sub = world.subscriptions.get(object)
  if (!sub) return
  const remaining = fields ? sub.fields.filter((field) => !fields.includes(field)) : []
  if (remaining.length === 0) world.subscriptions.delete(object)
  else world.subscriptions.set(object, { ...sub, fields: remaining })
}

export const subscriptionRoutes: Route[] = [
  { method: 'GET', edge: 'subscriptions', node: 'app', token: 'app', handle: listSubscriptions },
  { method: 'POST', edge: 'subscriptions', node: 'app', token: 'app', handle: subscribe },
  { method: 'DELETE', edge: 'subscriptions', node: 'app', token: 'app', handle: unsubscribe }
]
