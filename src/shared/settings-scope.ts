/**
 * Which settings live on each desk and which the hub holds for every desk (issue #13, item 3).
 * One table, by top-level settings group, typed so that a group added to the settings and not
 * placed here (or placed here and absent there) is a compile error.
 */
import type { Settings } from './settings'

/** `desk`: each desk its own (a seat saves it locally); `hub`: one value for the business. */
export type SettingsScope = 'desk' | 'hub'

export type SettingsGroup = keyof Settings

/** The table's type: every settings group, no more and no fewer. */
export type SettingsScopes = Record<SettingsGroup, SettingsScope>

export const SETTINGS_SCOPES = {
  // The Page, Meta's API and where its webhook lands: only the hub talks to Meta.
  page: 'hub',
  graph: 'hub',
  webhook: 'hub',
  tunnel: 'hub',
  // How long and how many calls ring is decided where calls arrive.
  ringTimeoutSeconds: 'hub',
  maxRingingCalls: 'hub',
  // Devices, ringtone and volume belong to the computer the headset is plugged into.
  audio: 'desk',
  // The hub hands out the STUN/TURN servers (and keeps the TURN password) for every call.
  ice: 'hub',
  // Sharing call quality with Meta is the owner's choice for the business.
  quality: 'hub',
  theme: 'desk',
  // Business-wide do not disturb: ring out or decline for everyone.
  doNotDisturb: 'hub',
  startAtLogin: 'desk',
  // The business's hours, published to the Page: only the hub talks to Meta.
  hours: 'hub',
  // The reply to a missed call goes out from the hub, with the Page's token.
  missedCallReply: 'hub',
  // The desk's name and "don't ring on this desk" are the desk's own.
  desk: 'desk',
  // What the owner allows seats (calling customers back) and which desks ring.
  seats: 'hub'
} as const satisfies SettingsScopes

/** The hub-wide groups a patch touches (unknown keys are left to the settings store to refuse). */
export function hubWideGroupsIn(patch: object): SettingsGroup[] {
  return Object.keys(patch).filter(
    (key): key is SettingsGroup =>
      Object.hasOwn(SETTINGS_SCOPES, key) && SETTINGS_SCOPES[key as SettingsGroup] === 'hub'
  )
}
