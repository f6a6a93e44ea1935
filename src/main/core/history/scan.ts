/**
 * Reading a JSON Lines file that a crash may have cut short. Pure: bytes in, records out.
 */
import { parseLine, type StoredHistoryRecord } from './record'

const NEWLINE = 0x0a

export interface ScanResult {
  /** Valid records in file order; a callId may appear more than once (later lines win). */
  records: StoredHistoryRecord[]
  /** Complete lines in the file, valid or not. */
  lines: number
  /** 1-based numbers of complete lines that were blank or not a valid record. */
  corruptLines: number[]
  /** Bytes up to and including the last newline: everything after it is a torn write. */
  validBytes: number
  /** Length of the torn tail (0 when the file ends with a newline). */
  tornBytes: number
}

export function scanLines(data: Uint8Array): ScanResult {
  const decoder = new TextDecoder('utf-8', { fatal: false })
  const records: StoredHistoryRecord[] = []
  const corruptLines: number[] = []
  let start = 0
  let lines = 0
  for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, start)) {
    lines++
    const record = parseLine(decoder.decode(data.subarray(start, end)))
    if (record) records.push(record)
    else corruptLines.push(lines)
    start = end + 1
  }
  return { records, lines, corruptLines, validBytes: start, tornBytes: data.length - start }
}
