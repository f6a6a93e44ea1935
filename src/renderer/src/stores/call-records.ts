/**
 * What this desk knows of each call, as one record per call id: the core's latest snapshot and,
 * while this desk has it, the call's media, its state, mute and whether an answer is under way.
 * One record means one place to forget a call: when it goes, everything about it goes.
 *
 * The map is replaced on every change (a shallow ref), so views that read it follow, and the
 * media object itself (an RTCPeerConnection underneath) never becomes a reactive proxy.
 */
import { computed, shallowRef, type ComputedRef } from 'vue'
import type { Call } from '../../../shared/calls'
import type { CallMedia, MediaState } from '../media/call-media'
import type { MediaWords } from '../media/media-words'

export interface CallRecord {
  /** The core's latest snapshot; absent while a call this desk places waits for its id. */
  call?: Call | undefined
  media?: CallMedia | undefined
  /** The media's last reported state (kept after the media is released, as the call lingers). */
  mediaState?: MediaState | undefined
  /** Set once the user toggled mute. */
  muted?: boolean | undefined
  /** Set once an answer started: true while it is under way. */
  busy?: boolean | undefined
  /** The microphone failed after the accept (the caller hears silence): the words to show. */
  microphoneProblem?: MediaWords | undefined
}

type Field = keyof CallRecord

export interface CallRecords {
  get(callId: string): CallRecord | undefined
  /** Changes some fields of a call's record, creating it when there is none. */
  put(callId: string, fields: CallRecord): void
  /** Changes some fields of a record that exists; a call already forgotten stays forgotten. */
  patch(callId: string, fields: CallRecord): void
  /** Files what `from` holds under `to` (a placed call learning its id), over what `to` has. */
  move(from: string, to: string): void
  forget(callId: string): void
  /** `field` of every record that has it, by call id. */
  byId<K extends Field>(field: K): ComputedRef<Record<string, NonNullable<CallRecord[K]>>>
}

export function createCallRecords(): CallRecords {
  const records = shallowRef(new Map<string, CallRecord>())

  const write = (change: (next: Map<string, CallRecord>) => void): void => {
    const next = new Map(records.value)
    change(next)
    records.value = next
  }

  const merged = (base: CallRecord | undefined, fields: CallRecord): CallRecord => {
    const record: CallRecord = { ...base }
    for (const [key, value] of Object.entries(fields) as [Field, unknown][]) {
      if (value === undefined) delete record[key]
      else (record as Record<Field, unknown>)[key] = value
    }
    return record
  }

  const put = (callId: string, fields: CallRecord): void =>
    write((next) => next.set(callId, merged(next.get(callId), fields)))

  return {
    get: (callId) => records.value.get(callId),
    put,
    patch(callId, fields) {
      if (records.value.has(callId)) put(callId, fields)
    },
    move(from, to) {
      const moving = records.value.get(from)
      if (!moving) return
      write((next) => {
        next.delete(from)
        const { call: _snapshot, ...held } = moving
        next.set(to, merged(next.get(to), held))
      })
    },
    forget(callId) {
      if (records.value.has(callId)) write((next) => next.delete(callId))
    },
    byId: (field) =>
      computed(() => {
        const values: Record<string, NonNullable<CallRecord[typeof field]>> = {}
        for (const [callId, record] of records.value) {
          const value = record[field]
          if (value !== undefined) values[callId] = value
        }
        return values
      })
  }
}
