import { describe, expect, it } from 'vitest'
import type { EventMessage } from '../../../../src/shared/api'
import { eventFrames } from '../../../../src/main/core/seat-link/event-frames'
import { frameReader } from '../../../../src/main/core/seat-link/link-frames'
import { MAX_FRAME_PLAINTEXT } from '../../../../src/main/core/seat-link/secure-link'

function readBack(pieces: readonly Buffer[]): unknown[] {
  const frames: unknown[] = []
  const read = frameReader(10 * MAX_FRAME_PLAINTEXT, (text) => frames.push(JSON.parse(text)))
  for (const piece of pieces) read(piece)
  return frames
}

const status = (publicUrl: string): EventMessage =>
  ({ event: 'status', payload: { publicUrl } }) as unknown as EventMessage

describe('event frames', () => {
  it('serializes an event once for every seat it goes to, as the bridge event frame', () => {
    const framesOf = eventFrames()
    const message = status('https://hub.example')
    const first = framesOf(message)
    // The next seats of the same broadcast get the very same link messages: no new JSON.
    expect(framesOf(message)).toBe(first)
    expect(readBack(first)).toEqual([
      { type: 'event', event: 'status', payload: { publicUrl: 'https://hub.example' } }
    ])
  })

  it('serializes another event object anew, even one that looks the same', () => {
    const framesOf = eventFrames()
    const before = framesOf(status('https://a.example'))
    const again = framesOf(status('https://a.example'))
    expect(again).not.toBe(before)
    expect(readBack(framesOf(status('https://b.example')))).toEqual([
      { type: 'event', event: 'status', payload: { publicUrl: 'https://b.example' } }
    ])
  })

  it('cuts a large event into link messages that fit, once', () => {
    const framesOf = eventFrames()
    const message = status('x'.repeat(2 * MAX_FRAME_PLAINTEXT))
    const pieces = framesOf(message)
    expect(pieces.length).toBeGreaterThan(2)
    expect(pieces.every((piece) => piece.length <= MAX_FRAME_PLAINTEXT)).toBe(true)
    expect(framesOf(message)).toBe(pieces)
    expect(readBack(pieces)).toEqual([
      {
        type: 'event',
        event: 'status',
        payload: { publicUrl: 'x'.repeat(2 * MAX_FRAME_PLAINTEXT) }
      }
    ])
  })
})
