/**
 * One history line: a HistoryRecord (shared/calls.ts) as stored, checked on the way in and out.
 * The caller's photo is left out (a data URL of tens of kB would dwarf the rest of the line).
 */
import { z } from 'zod'
import {
  CALL_DIRECTIONS,
  CALL_OUTCOMES,
  END_REASONS,
  type HistoryRecord
} from '../../../shared/calls'
import { isWords, type Words } from '../../../shared/words'
import { MISSED_REASONS, storedReplySchema } from '../follow-up/stored-follow-up'

const epochMs = z.number().int().nonnegative()
const figure = z.number().nonnegative().optional()

/** The same ranges the service takes (shared/history-api.ts), so a stored report always loads. */
const qualitySchema = z.object({
  rttMs: figure,
  jitterMs: figure,
  lossPercent: z.number().min(0).max(100).optional(),
  packetsReceived: figure,
  packetsLost: figure,
  reportedAt: epochMs,
  sentToMetaAt: epochMs.optional()
})

const followUpSchema = z.object({
  reason: z.enum(MISSED_REASONS),
  reply: storedReplySchema.optional()
})

export const storedRecordSchema = z.object({
  callId: z.string().min(1).max(256),
  pageId: z.string().max(256),
  direction: z.enum(CALL_DIRECTIONS),
  caller: z.object({ psid: z.string().max(256), name: z.string().optional() }),
  startedAt: epochMs,
  connectedAt: epochMs.optional(),
  endedAt: epochMs,
  durationSeconds: z.number().nonnegative(),
  outcome: z.enum(CALL_OUTCOMES),
  reason: z.enum(END_REASONS),
  error: z.string().optional(),
  errorWords: z.custom<Words>((value) => isWords(value)).optional(),
  quality: qualitySchema.optional(),
  test: z.literal(true).optional(),
  /** Absent in records written before desks had names, and on calls no desk took. */
  answeredByDesk: z.string().max(200).optional(),
  followUp: followUpSchema.optional(),
  /** When someone looked at this call in the UI (ms since the epoch): the missed-calls badge. */
  seenAt: epochMs.optional()
})

/** A history entry as the store returns it: a HistoryRecord without photo, plus `seenAt`. */
export type StoredHistoryRecord = z.infer<typeof storedRecordSchema>
// Compile-time check that what we store still is a HistoryRecord.
const _isHistoryRecord = (record: StoredHistoryRecord): HistoryRecord => record
void _isHistoryRecord

export type HistoryInput = HistoryRecord & { seenAt?: number | undefined }

/** Long free text is cut rather than refused: a call is worth keeping even if its error rambles. */
const MAX_NAME = 500
const MAX_ERROR = 2000
const MAX_DESK_NAME = 200

export class HistoryRecordError extends Error {
  override readonly name = 'HistoryRecordError'
}

/** Validates a record on its way to disk; throws HistoryRecordError naming the bad fields. */
export function toStored(input: HistoryInput): StoredHistoryRecord {
  const parsed = storedRecordSchema.safeParse({
    ...input,
    caller: {
      psid: input.caller.psid,
      name: input.caller.name?.slice(0, MAX_NAME)
    },
    error: input.error?.slice(0, MAX_ERROR),
    answeredByDesk: input.answeredByDesk?.slice(0, MAX_DESK_NAME)
  })
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(record)')
    throw new HistoryRecordError(`Invalid history record: ${[...new Set(fields)].join(', ')}`)
  }
  return parsed.data
}

/**
 * Top-level fields a line holds that this version does not know: a newer version's additions. They
 * are written back with every later line of the call, so running an older version loses none.
 */
export type ExtraFields = Record<string, unknown>

export interface ParsedLine {
  record: StoredHistoryRecord
  extra?: ExtraFields | undefined
}

const KNOWN_FIELDS = new Set(Object.keys(storedRecordSchema.shape))

/** Parses one stored line; undefined when it is not a valid record. */
export function parseLine(line: string): ParsedLine | undefined {
  let json: unknown
  try {
    json = JSON.parse(line)
  } catch {
    return undefined
  }
  const parsed = storedRecordSchema.safeParse(json)
  if (!parsed.success) return undefined
  const record = withOutboundOutcome(parsed.data)
  const unknown = Object.entries(json as object).filter(([key]) => !KNOWN_FIELDS.has(key))
  return unknown.length > 0 ? { record, extra: Object.fromEntries(unknown) } : { record }
}

/**
 * Lines written before outgoing calls had their own outcome say "missed" for a customer who did
 * not pick up: read as `no-answer`, so only incoming calls count in the missed-calls badge.
 */
function withOutboundOutcome(record: StoredHistoryRecord): StoredHistoryRecord {
  return record.direction === 'outbound' && record.outcome === 'missed'
    ? { ...record, outcome: 'no-answer' }
    : record
}

/** One complete line. JSON.stringify escapes newlines inside strings, so it holds exactly one. */
export function serializeLine(record: StoredHistoryRecord, extra?: ExtraFields): string {
  // The known fields win over an extra one of the same name (there is none: see parseLine).
  return `${JSON.stringify(extra ? { ...extra, ...record } : record)}\n`
}
