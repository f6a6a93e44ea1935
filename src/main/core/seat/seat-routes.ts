/**
 * Where a seat desk sends each command of the contract: to its hub (call work, the business's
 * history), to itself (its own status and per-desk settings), or nowhere (what only the hub's
 * owner may do). One table, typed so that a command added to the contract and not routed here is
 * a compile error.
 */
import type { CommandName, ServiceError } from '../../../shared/api'
import type errors from '../../../shared/i18n/en/errors'
import { wordedError } from '../../../shared/words-english'

/** `{ refused }` names what the owner changes on the hub, for the refusal's sentence. */
export type SeatRoute = 'hub' | 'local' | { readonly refused: SeatRefusal }

/** The table's type: every command of the contract, no more and no fewer. */
export type SeatRoutes = Record<CommandName, SeatRoute>

export const SEAT_ROUTES = {
  // This client's id and the seat's own status, with the hub's calls when it is online.
  hello: 'local',
  listCalls: 'hub',
  accept: 'hub',
  decline: 'hub',
  // Queued while the hub is offline (the seat's audio stops at once; Meta hears it later).
  hangUp: 'hub',
  reportMediaFailure: 'hub',
  listHistory: 'hub',
  getStatus: 'local',
  getSettings: 'local',
  // Per-desk groups only: hub-wide ones are refused (shared/settings-scope).
  updateSettings: 'local',
  getIceServers: 'hub',
  turnPassword: { refused: 'turnPassword' },
  // The hub rings only the desk that started it (issue #13, item 7).
  startTestCall: 'hub',
  reportCallQuality: 'hub',
  getMissedCalls: 'hub',
  // The hub keeps this desk's own "seen" (core/history/desk-seen.ts), apart from its own.
  markHistorySeen: 'hub',
  getCallerPhotos: 'hub',
  getPageConnection: { refused: 'page' },
  saveCredentials: { refused: 'page' },
  removePage: { refused: 'page' },
  runSetupChecks: { refused: 'setup' },
  fixSetup: { refused: 'setup' },
  // Call back: the hub decides whether seats may (the owner's permission) and talks to Meta.
  checkCallPermission: 'hub',
  requestCallPermission: 'hub',
  placeCall: 'hub',
  takeOverWebhook: { refused: 'webhookOwner' },
  listDesks: { refused: 'desks' },
  addDesk: { refused: 'desks' },
  removeDesk: { refused: 'desks' },
  // Already a seat: it must leave its hub first (answered locally with that sentence).
  joinHub: 'local',
  // The seat tells its hub (which revokes its key) and becomes a fresh desk again.
  leaveHub: 'local',
  // This desk's own history from before it joined, kept read-only in its own data folder.
  listPastHistory: 'local',
  getBusinessHours: { refused: 'businessHours' },
  saveBusinessHours: { refused: 'businessHours' },
  sendCallButton: { refused: 'customerMessages' },
  // The hub keeps the one To call back list; a claim from here names this desk.
  listCallBackTasks: 'hub',
  claimCallBackTask: 'hub',
  releaseCallBackTask: 'hub',
  closeCallBackTask: 'hub',
  reopenCallBackTask: 'hub'
} as const satisfies SeatRoutes

/** The commands a seat answers itself. */
export type LocalCommand = {
  [K in CommandName]: (typeof SEAT_ROUTES)[K] extends 'local' ? K : never
}[CommandName]

/** What the owner changes on the hub instead, one sentence each in the errors catalogue. */
export type SeatRefusal = keyof typeof errors.seat.refused

/** The refusal a refused command fails with, naming the hub. */
export function refusedOnSeat(hub: string, what: SeatRefusal): ServiceError {
  return wordedError('forbidden', `seat.refused.${what}`, { hub })
}
