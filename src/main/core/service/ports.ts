/**
 * What the service needs from its collaborators, as narrow interfaces: the real registry, Graph
 * client and history store satisfy them, and a test can hand in a few lines instead.
 */
import type { AcceptResult, CommandRequest, MediaOffer } from '../../../shared/api'
import type {
  Call,
  Caller,
  CallQualityReport,
  EndedCall,
  HistoryRecord
} from '../../../shared/calls'
import type { CallMetricsReport } from '../graph/calls-api'
import type {
  CallPermissionChange,
  CallPermissionInfo,
  PlaceCallResult
} from '../../../shared/callback'
import type { Settings, SettingsPatch } from '../../../shared/settings'
import type { DeskInvitation, DeskList } from '../../../shared/desks'
import type { Words } from '../../../shared/words'

export interface RegistryEvents {
  call: Call
  ended: EndedCall
  mediaOffer: MediaOffer
}

export interface RegistryPort {
  list(): Call[]
  get(callId: string): Call | undefined
  beginAnswer(callId: string, clientId: string, deskName?: string): Call
  markConnected(callId: string): Call
  answerFailed(callId: string, sentence: string | Words): Call
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
  /**
   * Records a call, replacing any earlier record with the same callId (details arrive late); a
   * quality report or seen mark already stored is kept. Resolves with the record as stored, where
   * the store can say.
   */
  append(record: HistoryRecord): Promise<HistoryRecord | void>
  list(query: CommandRequest<'listHistory'>): Promise<HistoryRecord[]>
  /**
   * Sets a stored call's quality report, keeping when it went to Meta unless the report says;
   * undefined when the call is not in the history.
   */
  setQuality(callId: string, quality: CallQualityReport): Promise<HistoryRecord | undefined>
  /**
   * Marks every missed call not seen yet as seen by one desk (a desk key, see client-views.ts);
   * the other desks' counts stay as they are.
   */
  markMissedSeen(desk: string): Promise<void>
  /** The missed calls this desk has not seen yet: its badge. */
  unseenMissedCount(desk: string): number
}

/** Meta's `call_metrics` for the calls of the connected Page. */
export interface MetricsPort {
  /** Resolves false, sending nothing, for a call that is not the Page's (a test call). */
  send(record: HistoryRecord, report: CallMetricsReport): Promise<boolean>
}

export interface SettingsPort {
  get(): Settings
  /** Rejects with a ConfigError naming the refused field. */
  update(patch: SettingsPatch): Promise<Settings>
  onChange(listener: (settings: Settings) => void): () => void
  /** Sentences about the settings file as it was found (moved aside, settings that fell back). */
  notices?(): readonly string[]
  /** The same sentences as words (config/data-notices.ts). */
  noticeWords?(): readonly Words[]
  /** A Graph address the settings file named and this run ignores (see config/retired-settings). */
  readonly ignoredGraphUrl?: string | undefined
}

export interface TestCallPort {
  /**
   * Rings the desk `testDesk` (a desk key, see client-views.ts) from the built-in simulator, and
   * only that desk; resolves with the new call's id.
   */
  start(testDesk?: string): Promise<string>
}

/** Calling customers back (core/callback): the permission, the opt-in request, the call. */
export interface CallBackPort {
  check(psid: string): Promise<CallPermissionInfo>
  request(psid: string): Promise<CallPermissionInfo>
  /**
   * Places the call for `clientId` (of the desk `deskName`); it is in the registry (answering)
   * before this resolves.
   */
  place(
    psid: string,
    offerSdp: string,
    clientId: string,
    deskName?: string
  ): Promise<PlaceCallResult>
  on(event: 'permission', listener: (change: CallPermissionChange) => void): () => void
}

/** The hub's desks (core/seat-link's hub seats, as the service needs them). */
export interface DesksPort {
  list(): Promise<DeskList>
  /** A one-time pairing code for a new desk of this name. */
  add(name: string): Promise<DeskInvitation>
  /** Revokes the desk at once; the reply is the list without it. */
  remove(name: string): Promise<DeskList>
  /** Hears the list change (a desk paired, removed, online or offline). */
  onChange?(listener: (list: DeskList) => void): () => void
}
