/**
 * The contract's command and event names as plain data, for the places that carry names and
 * nothing else: the preload, the WebSocket client, the toast window. Zod-free on purpose (only
 * types come from ./api), so none of them bundles schemas that validate nothing there; the core
 * validates every request on arrival.
 *
 * Each list is the keys of a table typed `Record<Name, true>`: a command or event added to the
 * contract and missing here, or named here and absent there, is a compile error.
 */
import type { CommandName, EventName, SoftphoneApi } from './api'

/** The keys of a table that names every member of `K`, no more and no fewer. */
export function namesOf<K extends string>(table: Record<K, true>): readonly K[] {
  return Object.freeze(Object.keys(table) as K[])
}

export const COMMAND_NAMES = namesOf<CommandName>({
  hello: true,
  listCalls: true,
  accept: true,
  decline: true,
  hangUp: true,
  reportMediaFailure: true,
  listHistory: true,
  getStatus: true,
  getSettings: true,
  updateSettings: true,
  getIceServers: true,
  turnPassword: true,
  startTestCall: true,
  reportCallQuality: true,
  getMissedCalls: true,
  markHistorySeen: true,
  getCallerPhotos: true,
  getPageConnection: true,
  saveCredentials: true,
  removePage: true,
  runSetupChecks: true,
  fixSetup: true,
  checkCallPermission: true,
  requestCallPermission: true,
  placeCall: true,
  takeOverWebhook: true,
  listDesks: true,
  addDesk: true,
  removeDesk: true,
  joinHub: true,
  leaveHub: true,
  listPastHistory: true,
  getBusinessHours: true,
  saveBusinessHours: true,
  sendCallButton: true,
  listCallBackTasks: true,
  claimCallBackTask: true,
  releaseCallBackTask: true,
  closeCallBackTask: true,
  reopenCallBackTask: true
})

export const EVENT_NAMES = namesOf<EventName>({
  callUpdated: true,
  mediaOffer: true,
  historyAdded: true,
  missedCalls: true,
  status: true,
  settings: true,
  callPermission: true,
  desks: true,
  callBackTasks: true
})

export function isEventName(name: unknown): name is EventName {
  return (EVENT_NAMES as readonly unknown[]).includes(name)
}

/**
 * Builds a `SoftphoneApi` on top of one generic `call`: every transport client (preload, WebSocket)
 * gets every command of the contract, and none it does not name.
 */
export function createApi(
  call: (command: CommandName, request: unknown) => Promise<unknown>
): SoftphoneApi {
  return Object.fromEntries(
    COMMAND_NAMES.map((name) => [name, (request: unknown) => call(name, request ?? {})])
  ) as SoftphoneApi
}
