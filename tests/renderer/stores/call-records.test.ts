/**
 * The call store keeps one record per call: whatever it held for a call (snapshot, media state,
 * mute, answer under way) goes with the call, and a placed call's record follows it to its id.
 */
import { describe, expect, it, vi } from 'vitest'
import { useCallStore } from '../../../src/renderer/src/stores/call'
import { createCallRecords } from '../../../src/renderer/src/stores/call-records'
import { connected, ended, ringing } from '../support/calls'
import { useStoreFixture } from '../support/store-fixture'

const fixture = useStoreFixture()
const { emitCall } = fixture

describe('the call store', () => {
  it('forgets everything it held for a call once the call is gone', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const store = useCallStore()
    await store.init()
    const call = ringing('c_1')
    await emitCall(call)
    await store.answer('c_1')
    await emitCall(connected(call, 'desk-1'))
    store.toggleMute('c_1')
    expect(store.muted).toEqual({ c_1: true })
    expect(store.busy).toEqual({ c_1: false })
    expect(store.mediaStates['c_1']).toBeDefined()

    await emitCall(ended(call, { outcome: 'completed', reason: 'caller-hung-up' }))
    expect(store.media('c_1')).toBeUndefined()
    await vi.advanceTimersByTimeAsync(4_000)

    expect(store.calls).toEqual({})
    expect(store.mediaStates).toEqual({})
    expect(store.muted).toEqual({})
    expect(store.busy).toEqual({})
  })
})

describe('createCallRecords', () => {
  it('merges fields into one record per call, and a view per field follows', () => {
    const records = createCallRecords()
    const busy = records.byId('busy')
    const calls = records.byId('call')
    const snapshot = ringing('c_1')
    records.put('c_1', { call: snapshot })
    records.put('c_1', { busy: true })
    expect(busy.value).toEqual({ c_1: true })
    expect(calls.value).toEqual({ c_1: snapshot })
    records.put('c_1', { busy: undefined })
    expect(busy.value).toEqual({})
    expect(records.get('c_1')).toEqual({ call: snapshot })
  })

  it('patches only records that exist: a forgotten call stays forgotten', () => {
    const records = createCallRecords()
    records.patch('c_gone', { mediaState: 'closed' })
    expect(records.get('c_gone')).toBeUndefined()
    records.put('c_1', {})
    records.patch('c_1', { mediaState: 'closed' })
    expect(records.get('c_1')).toEqual({ mediaState: 'closed' })
    records.forget('c_1')
    expect(records.byId('mediaState').value).toEqual({})
  })

  it("moves a placed call's record to its id, keeping the snapshot that came first", () => {
    const records = createCallRecords()
    const snapshot = ringing('out-1')
    records.put('dialing:p1', { mediaState: 'connecting', muted: false })
    records.put('out-1', { call: snapshot })
    records.move('dialing:p1', 'out-1')
    expect(records.get('dialing:p1')).toBeUndefined()
    expect(records.get('out-1')).toEqual({ call: snapshot, mediaState: 'connecting', muted: false })
  })
})
