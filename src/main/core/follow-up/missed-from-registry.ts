/**
 * Interim missed-call detection for the To call back list, until the follow-up port
 * (./missed-calls, issue 16 item 2) is composed into the core: an incoming real call that ended
 * missed or declined is announced once per call id. It speaks the port's shape, so the wiring
 * does not change when the port replaces it; it knows no reply, so it reports no outcomes.
 */
import type { EndedCall, EndReason } from '../../../shared/calls'
import type { MissedCall, MissedReason } from '../../../shared/follow-up'
import type { RegistryPort } from '../service/ports'
import type { MissedCallSource } from './call-back-tasks-wiring'

const REASONS: Partial<Record<EndReason, MissedReason>> = {
  'ring-timeout': 'rang-out',
  'caller-hung-up': 'caller-hung-up',
  declined: 'declined',
  'too-many-ringing': 'all-busy'
}

/** The follow-up's missed call for an ended call; undefined when it was not a missed customer. */
export function missedCallOf(call: EndedCall): MissedCall | undefined {
  const missed = call.outcome === 'missed' || call.outcome === 'declined'
  if (!missed || call.direction !== 'inbound' || call.test || call.caller.psid === '') return
  return {
    callId: call.id,
    psid: call.caller.psid,
    name: call.caller.name ?? null,
    at: call.startedAt,
    reason: REASONS[call.reason] ?? 'rang-out'
  }
}

export function missedFromRegistry(registry: Pick<RegistryPort, 'on'>): MissedCallSource {
  return {
    onMissedCall: (listener) =>
      // The registry emits `ended` exactly once per call id (calls/call-table).
      registry.on('ended', (call) => {
        const missed = missedCallOf(call)
        if (missed) listener(missed)
      }),
    onReplyOutcome: () => () => undefined
  }
}
