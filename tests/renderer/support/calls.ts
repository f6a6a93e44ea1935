/** Call objects as the service reports them, with sensible defaults a test overrides. */
import type {
  AnsweringCall,
  Caller,
  ConnectedCall,
  EndedCall,
  HistoryRecord,
  RingingCall
} from '../../../src/shared/calls'

const base = (id: string, caller: Caller, startedAt: number) => ({
  id,
  pageId: '1001',
  direction: 'inbound' as const,
  caller,
  startedAt
})

export function ringing(
  id = 'c_1',
  overrides: Partial<Omit<RingingCall, 'state'>> = {}
): RingingCall {
  const startedAt = overrides.startedAt ?? Date.now()
  return {
    ...base(id, { psid: `psid-${id}`, name: `Caller ${id}` }, startedAt),
    ringDeadline: startedAt + 50_000,
    ...overrides,
    state: 'ringing'
  }
}

export function answering(from: RingingCall, answeredBy: string): AnsweringCall {
  const { ringDeadline: _deadline, ...rest } = from
  return { ...rest, state: 'answering', answeredBy }
}

export function connected(
  from: RingingCall,
  answeredBy: string,
  connectedAt = Date.now()
): ConnectedCall {
  const { ringDeadline: _deadline, ...rest } = from
  return { ...rest, state: 'connected', answeredBy, connectedAt }
}

export function ended(
  from: RingingCall,
  fields: Pick<EndedCall, 'outcome' | 'reason'> & Partial<EndedCall>
): EndedCall {
  const { ringDeadline: _deadline, ...rest } = from
  return { ...rest, endedAt: Date.now(), ...fields, state: 'ended' }
}

export function historyRecord(overrides: Partial<HistoryRecord> = {}): HistoryRecord {
  return {
    callId: 'h_1',
    pageId: '1001',
    direction: 'inbound',
    caller: { psid: 'psid-h', name: 'Ada Lovelace' },
    startedAt: Date.UTC(2026, 3, 1, 9, 30),
    endedAt: Date.UTC(2026, 3, 1, 9, 32),
    durationSeconds: 0,
    outcome: 'completed',
    reason: 'we-hung-up',
    ...overrides
  }
}
