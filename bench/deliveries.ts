/** Signed Meta-shaped deliveries for the benchmark: one connect each, with a call id of its own. */
import { signBody } from '../src/main/core/webhook/signature'
import type { PreparedRequest } from './open-loop'

export const BENCH_PAGE_ID = '1234567890'

export function signedConnect(callId: string, appSecret: string): PreparedRequest {
  const now = Math.floor(Date.now() / 1000)
  const body = Buffer.from(
    JSON.stringify({
      object: 'page',
      entry: [
        {
          id: BENCH_PAGE_ID,
          time: now,
          calls: [
            {
              id: callId,
              to: BENCH_PAGE_ID,
              from: `psid-${callId}`,
              event: 'connect',
              timestamp: now,
              call_direction: 'user_initiated'
            }
          ]
        }
      ]
    })
  )
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': signBody(body, appSecret)
    }
  }
}
