/**
 * What the service needs from its collaborators, as narrow interfaces: the real registry, Graph
 * client and history store satisfy them, and a test can hand in a few lines instead.
 */
import type { AcceptResult, CommandRequest, MediaOffer } from '../../../shared/api'
import type { Call, Caller, EndedCall, HistoryRecord } from '../../../shared/calls'
import type { Settings, SettingsPatch } from '../../../shared/settings'

export interface RegistryEvents {
  call: Call
  ended: EndedCall
  mediaOffer: MediaOffer
}

export interface RegistryPort {
  list(): Call[]
  get(callId: string): Call | undefined
  beginAnswer(callId: string, clientId: string): Call
  markConnected(callId: string): Call
  answerFailed(callId: string, sentence: string): Call
  decline(callId: string): Call
  hangUp(callId: string): Call
  markEnded(callId: string): Call
  mediaFailed(callId: string, sentence: string): Call
  updateCaller(callId: string, info: Partial<Omit<Caller, 'psid'>>): void
  on<K extends keyof RegistryEvents>(
    event: K,
    listener: (payload: RegistryEvents[K]) => void
  ): () => void
}

/** The Graph actions on one call. */
export interface CallControl {
  accept(callId: string, offerSdp: string): Promise<AcceptResult>
  reject(callId: string): Promise<void>
  terminate(callId: string): Promise<void>
}

export interface CallerLookup {
  /** Never rejects: an unknown caller is `undefined`, and ringing never waits for it. */
  lookup(psid: string): Promise<Pick<Caller, 'name' | 'photo'> | undefined>
}

export interface HistoryPort {
  /** Records a call, replacing any earlier record with the same callId (details arrive late). */
  append(record: HistoryRecord): Promise<void>
  list(query: CommandRequest<'listHistory'>): Promise<HistoryRecord[]>
}

export interface SettingsPort {
  get(): Settings
  /** Rejects with a ConfigError naming the refused field. */
  update(patch: SettingsPatch): Promise<Settings>
  onChange(listener: (settings: Settings) => void): () => void
}

export interface TestCallPort {
  /** Rings every desk from the built-in simulator; resolves with the new call's id. */
  start(): Promise<string>
}
