/**
 * Keypad digits as the customer's side hears them: RFC 4733 telephone-events in RTP, as
 * Chromium's RTCDTMFSender sends them. One event is several packets (start, updates, and the end
 * packet three times), all stamped with the RTP timestamp of the event's start: a digit is counted
 * once per timestamp, so "11" still reads as two ones.
 */

/** RFC 4733 section 3.2: events 0-9 are the digits, 10 is `*`, 11 is `#`, 12-15 are A-D. */
const EVENT_DIGITS = '0123456789*#ABCD'

export class DtmfReceiver {
  private readonly heard: string[] = []
  private lastEventTimestamp: number | undefined

  /** The digits received so far, in order, e.g. "12#". */
  get digits(): string {
    return this.heard.join('')
  }

  /** Reads one telephone-event packet; returns the digit when it starts a new event. */
  push(payload: Uint8Array, rtpTimestamp: number): string | undefined {
    // Event (8 bits), E|R|volume (8 bits), duration (16 bits).
    if (payload.length < 4) return undefined
    const digit = EVENT_DIGITS[payload[0] ?? 0xff]
    if (digit === undefined || rtpTimestamp === this.lastEventTimestamp) return undefined
    this.lastEventTimestamp = rtpTimestamp
    this.heard.push(digit)
    return digit
  }
}
