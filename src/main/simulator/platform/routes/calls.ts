/**
 * `POST /{page-id}/calls`: accept, reject, terminate (consumer-initiated calls) and connect
 * (business-initiated), with Meta's refusals for unknown calls, wrong states and bad offers.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import type { SimCall } from '../call-book'
import { GraphError, invalidParam, noMatchingUser, requiredParam } from '../graph-error'
import { newCallId, nowSeconds } from '../ids'
import { optionalObject, optionalString, requireString, type Params } from '../params'
import { hasCallPermission, type Route, type RouteContext, type World } from '../world'

const ACTIONS = ['accept', 'reject', 'terminate', 'connect'] as const
type Action = (typeof ACTIONS)[number]

/** The action name, as `/calls` reads it; the fault injector matches on it too. */
export function callAction(params: Params): string | undefined {
  const action = params['action']
  return typeof action === 'string' ? action.toLowerCase() : undefined
}

function readAction(params: Params): Action {
  const action = callAction(params)
  if (action === undefined) throw requiredParam('action')
  const known = ACTIONS.find((name) => name === action)
  if (!known)
    throw invalidParam(
      `Param action must be one of {ACCEPT, REJECT, TERMINATE, CONNECT} - got "${action}"`
    )
  return known
}

function invalidConnectionInfo(detail: string): GraphError {
  return invalidParam(`Invalid connection info: ${detail}`)
}

/** The business's offer: `session: {sdp_type: 'offer', sdp}` holding something that is SDP. */
function readOffer(params: Params): string {
  const session = optionalObject(params, 'session')
  if (!session) throw requiredParam('session')
  if (session['sdp_type'] !== 'offer')
    throw invalidConnectionInfo('session.sdp_type must be "offer"')
  const sdp = session['sdp']
  if (typeof sdp !== 'string' || sdp.length === 0) throw requiredParam('session.sdp')
  if (!/^v=0\r?\n/.test(sdp) || !/^m=audio /m.test(sdp))
    throw invalidConnectionInfo('session.sdp is not an SDP offer with an audio section')
  return sdp
}

function findCall(world: World, params: Params): SimCall {
  const callId = requireString(params, 'call_id')
  const call = world.calls.get(callId)
  if (!call) throw invalidParam(`Invalid call id: ${callId}`)
  return call
}

function refuse(world: World, call: SimCall, action: 'accept' | 'reject' | 'terminate'): void {
  const refusal = world.calls.refusal(call, action)
  if (refusal) throw refusal
}

async function answerOffer(world: World, callId: string, offer: string) {
  const peer = world.mediaPeer
  if (!peer)
    throw new GraphError({
      code: 2,
      status: 503,
      message: '(#2) Service temporarily unavailable: the simulator has no media peer'
    })
  try {
    return await peer.answer(callId, offer)
  } catch (error) {
    world.logger.warn('media peer could not answer the offer', { callId, error })
    throw invalidConnectionInfo('the offer could not be negotiated')
  }
}

function sdpOut(world: World, type: 'answer' | 'offer', sdp: string) {
  return world.sdpShape === 'string' ? sdp : { sdp_type: type, sdp }
}

async function accept(world: World, params: Params) {
  const call = findCall(world, params)
  refuse(world, call, 'accept')
  const offer = readOffer(params)
  // No await since `refuse`, so no other accept can have started in between.
  world.calls.beginAccept(call.id)
  try {
    const media = await answerOffer(world, call.id, offer)
    // The customer may have hung up while the media peer was answering.
    if (call.state !== 'ringing') throw invalidParam('Call has already been terminated')
    world.calls.accepted(call, offer, media.answer, media.renegotiation)
    return {
      success: true,
      session: {
        sdp_response: sdpOut(world, 'answer', media.answer),
        ...(media.renegotiation === undefined
          ? {}
          : { sdp_renegotiation: sdpOut(world, 'offer', media.renegotiation) })
      }
    }
  } finally {
    world.calls.endAccept(call.id)
  }
}

async function connect(world: World, params: Params) {
  const psid = requireString(params, 'to')
  if (!world.profiles.has(psid)) throw noMatchingUser()
  if (world.requireCallPermission && !hasCallPermission(world, psid, nowSeconds()))
    throw new GraphError({
      code: 10,
      message: '(#10) This person has not given the Page permission to call them'
    })
  const offer = readOffer(params)
  const callId = newCallId()
  const media = await answerOffer(world, callId, offer)
  world.calls.dialed(callId, psid, offer, media.answer)
  // A slow reply lets the call's first webhooks overtake it, as they may at Meta.
  if (world.connectReplyDelayMs > 0) await sleep(world.connectReplyDelayMs)
  // The outbound response shows objects in Meta's docs, whatever `sdpShape` says for accept.
  return {
    success: true,
    id: callId,
    session: {
      sdp_response: { sdp_type: 'answer', sdp: media.answer },
      ...(media.renegotiation === undefined
        ? {}
        : { sdp_renegotiation: { sdp_type: 'offer', sdp: media.renegotiation } })
    }
  }
}

async function postCalls({ world, params }: RouteContext): Promise<unknown> {
  const platform = optionalString(params, 'platform')
  if (platform !== undefined && platform.toLowerCase() !== 'messenger')
    throw invalidParam(`Param platform must be one of {MESSENGER} - got "${platform}"`)
  const action = readAction(params)
  switch (action) {
    case 'accept':
      return accept(world, params)
    case 'connect':
      return connect(world, params)
    case 'reject': {
      const call = findCall(world, params)
      refuse(world, call, 'reject')
      world.calls.rejected(call)
      return { success: true }
    }
    case 'terminate': {
      const call = findCall(world, params)
      refuse(world, call, 'terminate')
      world.calls.terminate(call.id, 'business')
      return { success: true }
    }
  }
}

export const callRoutes: Route[] = [
  { method: 'POST', edge: 'calls', node: 'page', token: 'page', handle: postCalls }
]
