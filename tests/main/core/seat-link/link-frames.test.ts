import { describe, expect, it } from 'vitest'
import {
  FrameTooLargeError,
  frameReader,
  sendFrame
} from '../../../../src/main/core/seat-link/link-frames'
import { MAX_FRAME_PLAINTEXT } from '../../../../src/main/core/seat-link/secure-link'

function sent(text: string): Buffer[] {
  const messages: Buffer[] = []
  sendFrame({ send: (data) => void messages.push(Buffer.from(data)) }, text)
  return messages
}

describe('link frames', () => {
  it('sends a small frame as one link message and a large one in pieces that fit', () => {
    expect(sent('{}')).toEqual([Buffer.from('\u0000{}')])
    const large = 'é'.repeat(MAX_FRAME_PLAINTEXT)
    const pieces = sent(large)
    expect(pieces).toHaveLength(3)
    expect(pieces.every((piece) => piece.length <= MAX_FRAME_PLAINTEXT)).toBe(true)
    expect(pieces.map((piece) => piece[0])).toEqual([1, 1, 0])

    const frames: string[] = []
    const read = frameReader(10 * MAX_FRAME_PLAINTEXT, (text) => frames.push(text))
    for (const piece of [...pieces, ...sent('{"next":1}')]) read(piece)
    expect(frames).toHaveLength(2)
    expect(frames[0] === large).toBe(true)
    expect(frames[1]).toBe('{"next":1}')
  })

  it('refuses a frame over the limit before it is whole, and a message without its marker', () => {
    const read = frameReader(100, () => undefined)
    expect(() => read(Buffer.concat([Buffer.of(1), Buffer.alloc(101)]))).toThrow(FrameTooLargeError)
    expect(() => frameReader(100, () => undefined)(Buffer.from('{}'))).toThrow(/marker/)
  })
})
