/**
 * What a missed call leaves behind (shared/follow-up.ts) as main stores it, checked on the way in
 * and out: in its history line (history/record.ts) and in its task to call back
 * (call-back-tasks-file.ts), so both read back what the other wrote.
 */
import { z } from 'zod'
import type { MissedReason } from '../../../shared/follow-up'

const epochMs = z.number().int().nonnegative()

export const MISSED_REASONS = [
  'rang-out',
  'caller-hung-up',
  'do-not-disturb',
  'outside-hours',
  'all-busy',
  'declined'
] as const satisfies readonly MissedReason[]

/** ReplyOutcome, as stored. */
export const storedReplySchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('sent'),
    at: epochMs,
    extra: z.enum(['none', 'call-button', 'permission-request'])
  }),
  z.object({
    state: z.literal('refused'),
    at: epochMs,
    words: z.string().max(100),
    graphCode: z.number().int().optional()
  }),
  z.object({ state: z.literal('skipped'), at: epochMs, why: z.enum(['off', 'replied-recently']) })
])
