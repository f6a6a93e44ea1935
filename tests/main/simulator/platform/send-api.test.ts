import { describe, expect, it } from 'vitest'
import { checkMessage } from '../../../../src/main/simulator/platform/routes/send-api'

const world = { closedWindows: new Set(['closed']) }
const button = (buttons: unknown[], text = 'Call us') => ({
  attachment: { type: 'template', payload: { template_type: 'button', text, buttons } }
})
const refusal = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return error as { spec?: unknown; code?: number; subcode?: number }
  }
  throw new Error('not refused')
}

describe("the simulator's Send API checks, as Meta's", () => {
  it('takes text, the audio_call button template and calling_optin', () => {
    expect(checkMessage(world, 'p', 'RESPONSE', { text: 'Hi' })).toBeUndefined()
    expect(
      checkMessage(
        world,
        'p',
        'RESPONSE',
        button([{ type: 'audio_call', title: 'Call', expires_in_days: 7 }])
      )
    ).toBe('button')
    const optin = { attachment: { type: 'template', payload: { template_type: 'calling_optin' } } }
    expect(checkMessage(world, 'closed', undefined, optin)).toBe('calling_optin')
  })

  it.each([
    ['an unknown messaging_type', 'SOMETIMES', { text: 'Hi' }],
    ['both text and attachment', 'RESPONSE', { text: 'Hi', attachment: {} }],
    ['no buttons', 'RESPONSE', button([])],
    [
      'four buttons',
      'RESPONSE',
      button([1, 2, 3, 4].map(() => ({ type: 'audio_call', title: 'x' })))
    ],
    ['an audio_call without title', 'RESPONSE', button([{ type: 'audio_call' }])],
    [
      'a title over 20 characters',
      'RESPONSE',
      button([{ type: 'audio_call', title: 'x'.repeat(21) }])
    ],
    [
      'expires_in_days over 7',
      'RESPONSE',
      button([{ type: 'audio_call', title: 'x', expires_in_days: 8 }])
    ],
    ['an unknown button type', 'RESPONSE', button([{ type: 'video_call', title: 'x' }])],
    [
      'template text over 640',
      'RESPONSE',
      button([{ type: 'audio_call', title: 'x' }], 'x'.repeat(641))
    ]
  ])('refuses %s with code 100', (_label, type, message) => {
    expect(
      refusal(() => checkMessage(world, 'p', type, message as Record<string, unknown>))
    ).toMatchObject({
      spec: { code: 100 }
    })
  })

  it('refuses a RESPONSE outside the messaging window: 10/2018278', () => {
    expect(refusal(() => checkMessage(world, 'closed', 'RESPONSE', { text: 'Hi' }))).toMatchObject({
      spec: { code: 10, subcode: 2018278 }
    })
  })
})
