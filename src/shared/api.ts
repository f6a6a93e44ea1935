/**
 * The one service API every UI talks to, whatever carries it: Electron IPC (preload), the loopback
 * WebSocket bridge (browser mode, other desks), or a direct in-process call (tests, simulator).
 *
 * Requests are zod schemas because they cross a trust boundary and are validated on arrival;
 * results and events are plain types because they flow from the trusted core outwards. Adding a
 * command here without implementing it in the service or exposing it in a client is a compile error;
 * so is adding a command or an event without listing its name in ./api-names.ts, the zod-free list
 * the preload and the toast window carry.
 */
import { z } from 'zod'
import { CALL_OUTCOMES, type Call, type HistoryRecord } from './calls'
import {
  getCallerPhotosRequest,
  getMissedCallsRequest,
  markHistorySeenRequest,
  reportCallQualityRequest,
  type CallerPhotos,
  type MissedCalls
} from './history-api'

export type { CallerPhotos, MissedCalls } from './history-api'
import {
  credentialsRequest,
  fixSetupRequest,
  type PageConnection,
  type SaveCredentialsResult,
  type SetupReport
} from './onboarding'
import {
  checkCallPermissionRequest,
  placeCallRequest,
  requestCallPermissionRequest,
  sendCallButtonRequest,
  type CallPermissionChange,
  type CallPermissionInfo,
  type PlaceCallResult
} from './callback'
import type { PageHealth } from './page-health'
import {
  getIceServersRequest,
  turnPasswordRequest,
  type IceServers,
  type TurnPasswordState
} from './ice'
import type { SeatHubStatus } from './hub-link'
import type { Words } from './words'
import type { Settings, SettingsPatch } from './settings'
import { takeOverWebhookRequest, type WebhookOwner } from './webhook-owner'
import { addDeskRequest, removeDeskRequest, type DeskInvitation, type DeskList } from './desks'
import {
  joinHubRequest,
  leaveHubRequest,
  type JoinHubResult,
  type LeaveHubResult
} from './desk-role'
import type { RegistrationStatus, TunnelStatus } from './tunnel'
import { BusinessHours, type BusinessHoursView } from './business-hours'
import {
  callBackTaskRequest,
  listCallBackTasksRequest,
  type CallBackTaskList
} from './call-back-tasks'
import type { OutsideHoursStatus } from './hours-status'
import type { CallButtonResult } from './missed-reply'

export { ServiceError, type ServiceErrorCode, type ServiceErrorShape } from './service-error'

const CallId = z.string().min(1).max(256)
/** An SDP offer is a few kB; the cap keeps a hostile client from pushing megabytes to Graph. */
const Sdp = z
  .string()
  .min(1)
  .max(64 * 1024)

const historyQuery = z
  .object({
    limit: z.number().int().positive().max(10_000).optional(),
    outcome: z.enum(CALL_OUTCOMES).optional(),
    search: z.string().max(200).optional()
  })
  .strict()

export const commandRequests = {
  /** First call of a new client: who it is and what is going on right now. */
  hello: z.object({}).strict(),
  listCalls: z.object({}).strict(),
  accept: z.object({ callId: CallId, sdp: Sdp }).strict(),
  decline: z.object({ callId: CallId }).strict(),
  hangUp: z.object({ callId: CallId }).strict(),
  /** The UI could not set up or keep the media: the call is ended as failed, with the reason. */
  reportMediaFailure: z.object({ callId: CallId, reason: z.string().min(1).max(500) }).strict(),
  listHistory: historyQuery,
  getStatus: z.object({}).strict(),
  getSettings: z.object({}).strict(),
  /** Checked field by field by the settings store, which names the field it refuses. */
  updateSettings: z.custom<SettingsPatch>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    'Settings must be an object'
  ),
  /** The ICE servers for a call this client answers or places: in this reply only, never broadcast. */
  getIceServers: getIceServersRequest,
  /** Sets or removes the TURN password (write-only: the reply says only whether one is saved). */
  turnPassword: turnPasswordRequest,
  /** Rings this desk from the built-in simulator: never Meta, whether or not a Page is connected. */
  startTestCall: z.object({}).strict(),
  reportCallQuality: reportCallQualityRequest,
  getMissedCalls: getMissedCallsRequest,
  markHistorySeen: markHistorySeenRequest,
  getCallerPhotos: getCallerPhotosRequest,
  /** The connected Page and app, as ids and yes/no for the secrets (which never leave main). */
  getPageConnection: z.object({}).strict(),
  /** Stores the Page and app (secrets in the secret store) and applies them without a restart. */
  saveCredentials: credentialsRequest,
  /** Forgets the Page token, app secret and ids: the app is back to a fresh install's welcome. */
  removePage: z.object({}).strict(),
  /** Onboarding's diagnosis: every step from the app's credentials to Meta's handshake. */
  runSetupChecks: z.object({}).strict(),
  /** Applies one fix a check offered (e.g. subscribe the Page), then checks again. */
  fixSetup: fixSetupRequest,
  /** Call back: may this customer be called, may we ask, and what Meta's limits leave. */
  checkCallPermission: checkCallPermissionRequest,
  /** Sends the `calling_optin` request; refused with a sentence when Meta's limit is reached. */
  requestCallPermission: requestCallPermissionRequest,
  /** Places a business-initiated call with this client's SDP offer. */
  placeCall: placeCallRequest,
  /**
   * "Ring on this desk instead": registers this desk's URL over another desk's or server's callback
   * (the owner chose it). Refused with a sentence when that owner serves another Page of the app.
   */
  takeOverWebhook: takeOverWebhookRequest,
  /** The hub's desks (seats), online or not (owner only). */
  listDesks: z.object({}).strict(),
  /** A one-time pairing code for a new desk with this name (owner only). */
  addDesk: addDeskRequest,
  /** Revokes a desk: its connection closes at once and its key never works again (owner only). */
  removeDesk: removeDeskRequest,
  /**
   * Makes this desk a seat of the hub the invitation names (the owner's windows only): pairs,
   * forgets this desk's Page secrets and stops its tunnel and webhook (see shared/desk-role).
   */
  joinHub: joinHubRequest,
  /** A seat leaves its hub: the hub revokes its key when reachable; this desk is a fresh desk again. */
  leaveHub: leaveHubRequest,
  /** A seat's own calls from before it joined (read-only); empty on a desk that is no seat. */
  listPastHistory: historyQuery,
  /** The saved business hours, the Page's as Facebook reads them back, and whether they differ. */
  getBusinessHours: z.object({}).strict(),
  /** Saves the business hours and publishes them as the Page's calling hours (owner only). */
  saveBusinessHours: z.object({ hours: BusinessHours }).strict(),
  /** Sends the customer a message with Meta's `audio_call` button (owner only); never retried. */
  sendCallButton: sendCallButtonRequest,
  /** The To call back list, open tasks first, each claim as this client's desk sees it. */
  listCallBackTasks: listCallBackTasksRequest,
  /** This desk takes the customer's task; refused when another desk holds it. */
  claimCallBackTask: callBackTaskRequest,
  /** Gives the task back (the desk that holds it, or the owner's windows). */
  releaseCallBackTask: callBackTaskRequest,
  /** Done by hand: the task closes, naming this desk. */
  closeCallBackTask: callBackTaskRequest,
  reopenCallBackTask: callBackTaskRequest
} satisfies Record<string, z.ZodType>

/** Listed as data (the preload and the WebSocket client need the names) in ./api-names.ts. */
export type CommandName = keyof typeof commandRequests
export type CommandRequest<K extends CommandName> = z.input<(typeof commandRequests)[K]>
export type ParsedCommandRequest<K extends CommandName> = z.output<(typeof commandRequests)[K]>

export interface AcceptResult {
  /** Meta's SDP answer to our offer. */
  answer: string
  /** Meta's own offer that follows; the UI answers it locally and sends nothing back. */
  renegotiation?: string | undefined
}

/** The settings the environment can fix for a run; each UI names them in its own words. */
export type PinnableSetting = 'page' | 'ringTimeoutSeconds' | 'tunnel' | 'graph' | 'webhook'

/** A setting an environment variable fixes for this run (saved changes apply once it is unset). */
export interface PinnedSetting {
  setting: PinnableSetting
  variables: string[]
}

/**
 * Sentences about data files the core could not read when it started, saying what it kept and where
 * (nothing unreadable is deleted). Each view shows its own list; several may apply at once.
 */
export interface DataNotices {
  /** About the call history, for the History view: entries set aside, and the file they are in. */
  history: string[]
  /** `history` as words (same order), for each window to say in its own language. */
  historyWords?: Words[] | undefined
  /** About settings.json, for the Settings view: a file moved aside, settings that fell back. */
  settings: string[]
  /** `settings` as words (same order), for each window to say in its own language. */
  settingsWords?: Words[] | undefined
}

export interface CoreStatus {
  page: { configured: boolean; pageId?: string | undefined }
  /** Where the local webhook listener is bound, e.g. http://127.0.0.1:47800/webhook. */
  webhookUrl: string | null
  /** The public URL Meta delivers to (tunnel or own), when there is one. */
  publicUrl: string | null
  /** How the public URL is provided, for the status bar and the tray. */
  tunnel: TunnelStatus
  /** Whether Meta has the public URL as the app's callback. */
  registration: RegistrationStatus
  /** Whether Meta accepted the Page token lately (see shared/page-health); absent: not known. */
  pageHealth?: PageHealth | undefined
  /** When Meta's webhook verification last reached this app (ms since the epoch); absent: never. */
  lastHandshakeAt?: number | null | undefined
  /** Settings fixed by environment variables for this run; absent or empty when none are. */
  pinned?: PinnedSetting[] | undefined
  /** What the core could not read in its data files, and where it kept it; absent: nothing. */
  notices?: DataNotices | undefined
  /**
   * A Graph address the settings file named (a hand edit, an older version): ignored, since only
   * the GRAPH_API_URL environment variable may send the Page's credentials anywhere but Meta.
   */
  ignoredGraphUrl?: string | undefined
  /** Who receives this app's webhook (see shared/webhook-owner); absent: not looked yet. */
  webhookOwner?: WebhookOwner | undefined
  /** A seat desk's link to its hub (see shared/hub-link); absent: this desk is no seat. */
  hub?: SeatHubStatus | undefined
  /** Calls kept quiet or declined outside the business hours now (see shared/hours-status). */
  hours?: OutsideHoursStatus | undefined
}

export interface HelloResult {
  /** This client's id: a call whose `answeredBy` differs was answered elsewhere. */
  clientId: string
  status: CoreStatus
  calls: Call[]
}

export interface CommandResults {
  hello: HelloResult
  listCalls: Call[]
  accept: AcceptResult
  decline: void
  hangUp: void
  reportMediaFailure: void
  listHistory: HistoryRecord[]
  getStatus: CoreStatus
  getSettings: Settings
  updateSettings: Settings
  getIceServers: IceServers
  turnPassword: TurnPasswordState
  startTestCall: { callId: string }
  reportCallQuality: void
  getMissedCalls: MissedCalls
  markHistorySeen: MissedCalls
  getCallerPhotos: CallerPhotos
  getPageConnection: PageConnection
  saveCredentials: SaveCredentialsResult
  removePage: PageConnection
  runSetupChecks: SetupReport
  fixSetup: SetupReport
  checkCallPermission: CallPermissionInfo
  requestCallPermission: CallPermissionInfo
  placeCall: PlaceCallResult
  takeOverWebhook: { owner: WebhookOwner }
  listDesks: DeskList
  addDesk: DeskInvitation
  removeDesk: DeskList
  joinHub: JoinHubResult
  leaveHub: LeaveHubResult
  listPastHistory: HistoryRecord[]
  getBusinessHours: BusinessHoursView
  saveBusinessHours: BusinessHoursView
  sendCallButton: CallButtonResult
  listCallBackTasks: CallBackTaskList
  claimCallBackTask: CallBackTaskList
  releaseCallBackTask: CallBackTaskList
  closeCallBackTask: CallBackTaskList
  reopenCallBackTask: CallBackTaskList
}

// Fails to compile when a command has a request schema but no result type, or the other way round.
type _SameKeys<A, B> = [keyof A] extends [keyof B]
  ? [keyof B] extends [keyof A]
    ? true
    : never
  : never
export const _commandsAgree: _SameKeys<typeof commandRequests, CommandResults> = true

/** What a UI holds: every command as an async function. */
export type SoftphoneApi = {
  [K in CommandName]: (request: CommandRequest<K>) => Promise<CommandResults[K]>
}

export interface MediaOffer {
  callId: string
  version: number
  sdp: string
}

/** Events the core broadcasts to every connected client. */
export interface SoftphoneEvents {
  /** A call changed state (or appeared); clients replace their copy by id. */
  callUpdated: Call
  /** Meta sent new SDP mid-call (`media_update`), highest version only. */
  mediaOffer: MediaOffer
  /** A history record was written or changed (late caller details, the quality report). */
  historyAdded: HistoryRecord
  /** The unseen missed-call count changed: the badges on the window and the tray. */
  missedCalls: MissedCalls
  status: CoreStatus
  settings: Settings
  /** A customer allowed or declined calls (`call_permission_reply`), or we asked them. */
  callPermission: CallPermissionChange
  /** The hub's desks changed (paired, removed, online or offline); sent to the owner's clients only. */
  desks: DeskList
  /** The To call back list changed (a missed call, a claim, a close); to every desk. */
  callBackTasks: CallBackTaskList
}

/** Listed as data (the preload and the WebSocket client need the names) in ./api-names.ts. */
export type EventName = keyof SoftphoneEvents

export type EventMessage = {
  [K in EventName]: { event: K; payload: SoftphoneEvents[K] }
}[EventName]
