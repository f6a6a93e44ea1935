/** Builders for Meta-shaped webhook deliveries, shared by the webhook tests. */

export const PAGE_ID = '1234567890'

export function connect(id: string, from = `psid-${id}`): Record<string, unknown> {
  return {
    id,
    to: PAGE_ID,
    from,
    event: 'connect',
    timestamp: 1671644824,
    call_direction: 'user_initiated'
  }
}

export function terminate(id: string): Record<string, unknown> {
  return {
    id,
    event: 'terminate',
    timestamp: 1671644944,
    status: 'Completed',
    start_time: 1671644824,
    end_time: 1671644944,
    duration: 120
  }
}

export function entry(calls: unknown[], id = PAGE_ID): Record<string, unknown> {
  return { id, time: 1671644824, calls }
}

export function delivery(...entries: unknown[]): { object: 'page'; entry: unknown[] } {
  return { object: 'page', entry: entries }
}
