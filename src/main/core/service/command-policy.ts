/**
 * Who may run each command (issue 13, item 6): roles are enforced here, by the service, before a
 * handler runs, whatever transport carried the command; hidden buttons are only a courtesy.
 *
 * One line a command, each with the reason, in the manner of Signal Desktop's permission table.
 * The table is typed `Record<CommandName, ...>`: a command added to the contract and not classified
 * here, or classified here and absent there, does not compile.
 */
import type { CommandName } from '../../../shared/api'
import { assertNever } from '../../../shared/calls'
import type { Settings } from '../../../shared/settings'
import { englishWords, wordedError } from '../../../shared/words-english'
import { words } from '../../../shared/words'

/**
 * - `seat`: every client, the hub's own windows and the seats alike: working the calls.
 * - `owner`: the hub's own windows only: the Page, its secrets, hub-wide settings, the tunnel, the
 *   webhook, onboarding (and later the desks and pairing).
 * - `call-back`: the owner always; a seat only while the owner allows seats to call customers back
 *   (`seats.mayCallBack`, off by default).
 */
export type CommandAccess = 'seat' | 'owner' | 'call-back'

/** The policy table, checked complete: `K` is every command, no more and no fewer. */
export function commandPolicy<K extends string>(
  table: Record<K, CommandAccess>
): Readonly<Record<K, CommandAccess>> {
  return Object.freeze(table)
}

export const COMMAND_ACCESS = commandPolicy<CommandName>({
  // A seat's status is cut down to what ringing needs (see client-views.ts: statusFor).
  hello: 'seat',
  // Test calls of other desks are left out (client-views.ts: visibleTo).
  listCalls: 'seat',
  accept: 'seat',
  decline: 'seat',
  hangUp: 'seat',
  // Only ends a call this desk could not carry the media of.
  reportMediaFailure: 'seat',
  // Missed calls are hub-wide: every desk reads the one history.
  listHistory: 'seat',
  getStatus: 'seat',
  // The hub's settings file: the Page's and app's ids, the tunnel and webhook address, the TURN
  // username, the hub's own devices. Nothing there is a seat's own (its devices, ringtone and theme
  // live in its own install), so a seat reads none of it, nor gets the `settings` event.
  getSettings: 'owner',
  updateSettings: 'owner',
  // Checked per call by IceService: only for a call this client rings for or took.
  getIceServers: 'seat',
  // A secret of the hub's.
  turnPassword: 'owner',
  // Rings only the desk that started it (the call's `testDesk`).
  startTestCall: 'seat',
  // Checked per call by HistoryService: only the client that took the call reports its quality.
  reportCallQuality: 'seat',
  getMissedCalls: 'seat',
  // Each desk keeps its own "seen" (history/desk-seen.ts): a seat clears only its own badge.
  markHistorySeen: 'seat',
  getCallerPhotos: 'seat',
  // The Page: its ids, whether its secrets are saved, changing or removing it, setting it up.
  getPageConnection: 'owner',
  saveCredentials: 'owner',
  removePage: 'owner',
  runSetupChecks: 'owner',
  fixSetup: 'owner',
  // Calling back speaks for the business and spends Meta's limited permission requests.
  checkCallPermission: 'call-back',
  requestCallPermission: 'call-back',
  placeCall: 'call-back',
  // Moves the Page's calls to this hub: the owner's choice, never a seat's.
  takeOverWebhook: 'owner',
  // Who may join the hub is the owner's: a seat never sees, adds or removes desks.
  listDesks: 'owner',
  addDesk: 'owner',
  removeDesk: 'owner',
  // Turns this desk into a seat and forgets its Page: the owner's choice, made in its own windows.
  joinHub: 'owner',
  // From a seat: "remove me" (its own key only). The hub's own windows have no hub to leave.
  leaveHub: 'seat',
  // A desk's own calls from before it joined a hub; the hub has none apart from its history.
  listPastHistory: 'seat',
  // The business's hours are the Page's settings at Meta.
  getBusinessHours: 'owner',
  saveBusinessHours: 'owner',
  // A message to a customer speaks for the business, with the Page's token.
  sendCallButton: 'owner',
  // To call back: every desk works the list; claims name the desk (follow-up/call-back-tasks).
  listCallBackTasks: 'seat',
  claimCallBackTask: 'seat',
  // Only the claiming desk's own, or any from the owner's windows (checked by the tasks).
  releaseCallBackTask: 'seat',
  closeCallBackTask: 'seat',
  reopenCallBackTask: 'seat'
})

export const OWNER_ONLY = englishWords(words('service.ownerOnly'))
export const CALL_BACK_NOT_ALLOWED = englishWords(words('service.callBackNotAllowed'))

/**
 * Throws a `forbidden` ServiceError when the client's role may not run the command. A client
 * without a role is the owner (every local transport).
 */
export function checkAccess(
  command: CommandName,
  role: 'owner' | 'seat' | undefined,
  settings: () => Pick<Settings, 'seats'>
): void {
  if (role === undefined || role === 'owner') return
  const access = COMMAND_ACCESS[command]
  switch (access) {
    case 'seat':
      return
    case 'call-back':
      if (settings().seats.mayCallBack) return
      throw wordedError('forbidden', 'service.callBackNotAllowed')
    case 'owner':
      throw wordedError('forbidden', 'service.ownerOnly')
    default:
      return assertNever(access)
  }
}
