/** Compaction: history.jsonl rewritten with only what is still worth keeping (temp file + rename). */
import { writeFileAtomic } from '../shared/atomic-write'
import type { Logger } from '../log'
import type { Entry } from './query'
import { serializeLine } from './record'

const NEWLINE = Buffer.from('\n')

/**
 * Writes `retained` (unreadable lines that could not be set aside: never dropped) and the live
 * records, in the order they first appeared. Never throws: on failure it logs, keeps the old file
 * (still complete, only longer than it needs to be) and resolves undefined.
 */
export async function rewriteHistory(
  file: string,
  retained: readonly Uint8Array[],
  live: readonly Entry[],
  logger: Logger
): Promise<{ lines: number; size: number } | undefined> {
  const data = Buffer.concat([
    ...retained.flatMap((line) => [line, NEWLINE]),
    Buffer.from(live.map(({ record, extra }) => serializeLine(record, extra)).join(''), 'utf8')
  ])
  try {
    await writeFileAtomic(file, data, { mode: 0o600 })
  } catch (error) {
    logger.error('Could not compact the call history; keeping the longer file', { file, error })
    return undefined
  }
  logger.info('Compacted the call history', { file, records: live.length })
  return { lines: retained.length + live.length, size: data.length }
}
