/**
 * Reading a JSON Lines file that a crash may have cut short. Pure: bytes in, records out.
 */
import { parseLine, type ParsedLine } from './record'

const NEWLINE = 0x0a

/** A line that holds something but not a valid record (damage, or a newer version's record). */
export interface UnreadableLine {
  /** 1-based line number in the file. */
  line: number
  /** The line's bytes as they are, without its newline: kept exactly, whatever they hold. */
  bytes: Uint8Array
}

export interface ScanResult {
  /** Valid records in file order; a callId may appear more than once (later lines win). */
  records: ParsedLine[]
  /** Complete lines in the file, valid or not (the unterminated tail is not one). */
  lines: number
  /** Complete lines that are not blank and not a valid record. */
  unreadable: UnreadableLine[]
  /** Bytes up to and including the last newline. */
  validBytes: number
  /** Bytes after the last newline (0 when the file ends with a newline). */
  tailBytes: number
  /**
   * What those bytes are: nothing to keep (none, or blank), a whole valid record that only lacks
   * its newline (a hand edit or another tool; it is in `records`), or a partial line.
   */
  tail: 'none' | 'record' | 'partial'
}

export function scanLines(data: Uint8Array): ScanResult {
  const decoder = new TextDecoder('utf-8', { fatal: false })
  const records: ParsedLine[] = []
  const unreadable: UnreadableLine[] = []
  let start = 0
  let lines = 0
  for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, start)) {
    lines++
    const bytes = data.subarray(start, end)
    const text = decoder.decode(bytes)
    const record = parseLine(text)
    if (record) records.push(record)
    else if (text.trim() !== '') unreadable.push({ line: lines, bytes })
    start = end + 1
  }
  const tailText = decoder.decode(data.subarray(start))
  let tail: ScanResult['tail'] = 'none'
  if (tailText.trim() !== '') {
    const record = parseLine(tailText)
    if (record) records.push(record)
    tail = record ? 'record' : 'partial'
  }
  return { records, lines, unreadable, validBytes: start, tailBytes: data.length - start, tail }
}
