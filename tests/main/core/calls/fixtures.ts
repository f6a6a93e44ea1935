/**
 * Shared helpers for the registry tests: webhook events built through the real zod schema (so
 * defaults such as `call_direction` apply as in production) and a registry whose emissions are
 * recorded. Time is vitest's fake clock: the registry's default `now` and timers follow it.
 */
import { expect, vi } from 'vitest'
import type { MediaOffer } from '../../../../src/shared/api'
import type { Call, EndedCall } from '../../../../src/shared/calls'
import { CallEvent } from '../../../../src/shared/webhook'
import type { CallRegistryOptions } from '../../../../src/main/core/calls'
import { CallRegistry, CallStateError } from '../../../../src/main/core/calls'
import { ServiceError } from '../../../../src/shared/api'
import { memoryLogger } from '../../../../src/main/core/log'

/** 2026-04-01T12:00:00Z, a whole second so webhook timestamps line up with it. */
export const T0 = Date.UTC(2026, 3, 1, 12, 0, 0)
export const PAGE = 'page-1'
export const PSID = 'psid-1'

export function useFakeClock(): void {
  vi.useFakeTimers({ now: T0 })
}

/** Now in Unix seconds, as Meta stamps events. */
export function nowSeconds(offsetMs = 0): number {
  return (Date.now() + offsetMs) / 1000
}

export function connect(
  id: string,
  fields: { timestamp?: number; from?: string; to?: string; call_direction?: string } = {}
): CallEvent {
  return CallEvent.parse({
    event: 'connect',
    id,
    from: PSID,
    to: PAGE,
    timestamp: nowSeconds(),
    ...fields
  })
}

export function terminate(id: string, fields: Record<string, unknown> = {}): CallEvent {
  return CallEvent.parse({
    event: 'terminate',
    id,
    timestamp: nowSeconds(),
    status: 'Completed',
    ...fields
  })
}

export function mediaUpdate(id: string, version: number, sdp: unknown = `v=0 sdp ${version}`) {
  return CallEvent.parse({
    event: 'media_update',
    id,
    timestamp: nowSeconds(),
    session: { version, sdp_renegotiation: sdp }
  })
}

export function callStatus(id: string, status: 'ringing' | 'accepted'): CallEvent {
  return CallEvent.parse({ event: 'call_status', id, recipient_id: PSID, call_status: status })
}

export function recordingRegistry(options: CallRegistryOptions = {}) {
  const logger = memoryLogger()
  const registry = new CallRegistry({ logger, ...options })
  const calls: Call[] = []
  const ended: EndedCall[] = []
  const offers: MediaOffer[] = []
  registry.on('call', (call) => calls.push(call))
  registry.on('ended', (call) => ended.push(call))
  registry.on('mediaOffer', (offer) => offers.push(offer))
  return { registry, calls, ended, offers, logger, states: () => calls.map((c) => c.state) }
}

/** A registry with one call in the given state, reached through the public API. */
export function withCall(
  state: 'ringing' | 'answering' | 'connected',
  options: CallRegistryOptions = {}
) {
  const recorded = recordingRegistry(options)
  recorded.registry.handleEvent(connect('c1'), PAGE)
  if (state !== 'ringing') recorded.registry.beginAnswer('c1', 'desk-a')
  if (state === 'connected') recorded.registry.markConnected('c1')
  recorded.calls.length = 0
  return recorded
}

/** Runs a transition that must be refused, and checks the refusal is the typed, user-facing kind. */
export function expectRefusal(
  action: () => unknown,
  code: 'not-found' | 'conflict',
  message: string
): void {
  let thrown: unknown
  try {
    action()
  } catch (error) {
    thrown = error
  }
  expect(thrown).toBeInstanceOf(CallStateError)
  expect(thrown).toBeInstanceOf(ServiceError)
  expect(thrown).toMatchObject({ code, message })
}
