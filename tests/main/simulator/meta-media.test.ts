import { describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/main/core/log'
import { InvalidOfferError } from '../../../src/main/simulator/caller'
import { createMetaMedia } from '../../../src/main/simulator/meta-media'

function media(closing = false) {
  const failed: string[] = []
  const meta = createMetaMedia({
    placedAudio: () => undefined,
    defaultAudio: { mode: 'tone', frequency: 440 },
    onMediaFailed: (callId) => failed.push(callId),
    isClosing: () => closing,
    log: silentLogger
  })
  return { meta, failed }
}

describe('createMetaMedia', () => {
  it('answers no offer once the simulator is closing', async () => {
    const { meta } = media(true)
    await expect(meta.peer.answer('c_1', 'v=0\r\n')).rejects.toThrow('closing')
    expect(meta.callerOf('c_1')).toBeUndefined()
  })

  it('keeps no caller for an offer Meta could not serve', async () => {
    const { meta, failed } = media()
    await expect(meta.peer.answer('c_1', 'not sdp')).rejects.toBeInstanceOf(InvalidOfferError)
    expect(meta.callerOf('c_1')).toBeUndefined()
    expect(failed).toEqual([])
    meta.hangUp('c_1')
    await meta.close()
  })
})
