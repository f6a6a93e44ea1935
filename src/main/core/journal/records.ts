/**
 * The lines of the delivery journal (journal.jsonl), one JSON object each:
 * - `d`: a verified webhook delivery, as the exact text that arrived, written before its 200;
 * - `s`: one of our own transitions of a call (answering, connected), so a restart knows that a
 *   call was taken and is not replayed as missed;
 * - `e`: a call's ending as history will record it, in case the process dies before history has.
 */
import { z } from 'zod'
import type { AnsweringCall, ConnectedCall, HistoryRecord } from '../../../shared/calls'
import { storedRecordSchema } from '../history/record'

const epochMs = z.number().int().nonnegative()

const liveSnapshot = z.object({
  id: z.string().min(1),
  pageId: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  psid: z.string(),
  startedAt: epochMs,
  state: z.enum(['answering', 'connected']),
  answeredBy: z.string(),
  answeredByDesk: z.string().optional(),
  connectedAt: epochMs.optional()
})
export type LiveSnapshot = z.infer<typeof liveSnapshot>

export const journalRecordSchema = z.discriminatedUnion('k', [
  z.object({ k: z.literal('d'), at: epochMs, body: z.string() }),
  z.object({ k: z.literal('s'), at: epochMs, call: liveSnapshot }),
  z.object({ k: z.literal('e'), at: epochMs, record: storedRecordSchema })
])
export type JournalRecord = z.infer<typeof journalRecordSchema>

/** Undefined when the line is not a journal record (skipped, never fatal). */
export function parseJournalLine(line: string): JournalRecord | undefined {
  try {
    const parsed = journalRecordSchema.safeParse(JSON.parse(line))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

export function deliveryLine(body: string, at: number): string {
  return JSON.stringify({ k: 'd', at, body })
}

export function transitionLine(call: AnsweringCall | ConnectedCall, at: number): string {
  const snapshot: LiveSnapshot = {
    id: call.id,
    pageId: call.pageId,
    direction: call.direction,
    psid: call.caller.psid,
    startedAt: call.startedAt,
    state: call.state,
    answeredBy: call.answeredBy,
    ...(call.answeredByDesk !== undefined ? { answeredByDesk: call.answeredByDesk } : {}),
    ...(call.state === 'connected' ? { connectedAt: call.connectedAt } : {})
  }
  return JSON.stringify({ k: 's', at, call: snapshot })
}

export function endedLine(record: HistoryRecord, at: number): string {
  // The photo (a data URL) is not history's to keep, nor the journal's.
  const { photo: _photo, ...caller } = record.caller
  return JSON.stringify({ k: 'e', at, record: { ...record, caller } })
}

/** The call ids a delivery's body names (entry[].calls[].id), read without trusting its shape. */
export function callIdsIn(envelope: { entry: readonly unknown[] }): string[] {
  const ids: string[] = []
  for (const entry of envelope.entry) {
    const calls = isRecord(entry) ? entry['calls'] : undefined
    if (!Array.isArray(calls)) continue
    for (const call of calls) {
      const id = isRecord(call) ? call['id'] : undefined
      if (typeof id === 'string') ids.push(id)
    }
  }
  return ids
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
