/**
 * "Answered by <desk>" on a desk that also rang: people there may have looked away, so it stays
 * until they dismiss it or the next call rings, not a few seconds (issue #13).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useCallStore } from '../../../src/renderer/src/stores/call'
import { answering, connected, ended, ringing } from '../support/calls'
import { useStoreFixture } from '../support/store-fixture'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})

const fixture = useStoreFixture()
const { emitCall } = fixture

/** A call rang here and the desk "Back office" took it. */
async function answeredAtBackOffice(id: string) {
  const store = useCallStore()
  await store.init()
  const call = ringing(id)
  await emitCall(call)
  await emitCall({ ...answering(call, 'seat-2'), answeredByDesk: 'Back office' })
  return { store, call }
}

const texts = (store: ReturnType<typeof useCallStore>): string[] =>
  store.notices.map(({ text }) => (typeof text === 'string' ? text : text.message))

describe('the Answered-by notice', () => {
  it('is still there a minute later', async () => {
    const { store } = await answeredAtBackOffice('c_1')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(texts(store)).toEqual(['Answered by Back office'])
  })

  it('is not replaced when that call ends quietly at the other desk', async () => {
    const { store, call } = await answeredAtBackOffice('c_1')
    const live = connected(call, 'seat-2')
    await emitCall(live)
    await emitCall(
      ended(call, { outcome: 'completed', reason: 'we-hung-up', connectedAt: live.connectedAt })
    )
    await vi.advanceTimersByTimeAsync(60_000)
    expect(texts(store)).toEqual(['Answered by Back office'])
  })

  it('goes when the next call rings', async () => {
    const { store } = await answeredAtBackOffice('c_1')
    await emitCall(ringing('c_2'))
    expect(texts(store)).toEqual([])
  })

  it('goes when dismissed', async () => {
    const { store } = await answeredAtBackOffice('c_1')
    const [notice] = store.notices
    store.dismiss(notice!.id)
    expect(texts(store)).toEqual([])
  })

  it('leaves the other notices their few seconds', async () => {
    const store = useCallStore()
    await store.init()
    const call = ringing('c_1')
    await emitCall(call)
    await emitCall(ended(call, { outcome: 'missed', reason: 'caller-hung-up' }))
    expect(texts(store)).toEqual(['The caller hung up.'])
    await vi.advanceTimersByTimeAsync(4_000)
    expect(texts(store)).toEqual([])
  })
})
