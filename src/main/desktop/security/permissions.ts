/**
 * Which web permissions our pages get (Signal's permissions.std.ts, stricter): a small table, one
 * line a permission with the reason, consulted by both of Electron's handlers. Everything not in
 * the table is denied, and so is every request from anything but our own pages' top frames.
 *
 * The list of permissions: https://www.electronjs.org/docs/latest/api/session#sessetpermissionrequesthandlerhandler
 */
import type { Session } from 'electron'
import type { Logger } from '../../core/log'

type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>
type CheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>
type DeviceHandler = NonNullable<Parameters<Session['setDevicePermissionHandler']>[0]>
export type Permission = Parameters<RequestHandler>[1]
type RequestDetails = Parameters<RequestHandler>[3]
type CheckDetails = Parameters<CheckHandler>[3]

export type MediaType = 'audio' | 'video' | 'unknown'

/** What a rule may look at, taken from either handler's details. */
export interface PermissionQuery {
  mediaTypes: readonly MediaType[]
}

/** The microphone, and never the camera: this is an audio-only phone. */
const audioOnly = ({ mediaTypes }: PermissionQuery): boolean =>
  mediaTypes.length > 0 && mediaTypes.every((type) => type === 'audio')

export const PERMISSIONS: Partial<Record<Permission, (query: PermissionQuery) => boolean>> = {
  media: audioOnly, // the caller must hear us: getUserMedia({ audio }) and audio device labels
  'speaker-selection': () => true, // play the call on the headset the user picked (setSinkId)
  'clipboard-sanitized-write': () => false, // nothing to copy: the app only needs the microphone
  notifications: () => false, // main raises the OS notifications itself, with the call's actions
  openExternal: () => false, // links leave through safeOpenURL, never through the page
  'display-capture': () => false, // no screen sharing in a phone
  geolocation: () => false,
  fullscreen: () => false
}

export interface PermissionSubject {
  /** The URL of the frame asking; undefined when Electron does not say (e.g. a service worker). */
  url: string | undefined
  isMainFrame: boolean
}

export function isPermissionGranted(
  permission: Permission,
  query: PermissionQuery,
  subject: PermissionSubject,
  isOwnPage: (url: string | undefined) => boolean
): boolean {
  // Our pages have no frames of their own: anything in a subframe was not put there by us.
  if (!subject.isMainFrame || !isOwnPage(subject.url)) return false
  return PERMISSIONS[permission]?.(query) ?? false
}

function requestQuery(details: RequestDetails): PermissionQuery {
  return { mediaTypes: 'mediaTypes' in details ? (details.mediaTypes ?? []) : [] }
}

function checkQuery(details: CheckDetails): PermissionQuery {
  return { mediaTypes: details.mediaType ? [details.mediaType] : [] }
}

export interface PermissionDeps {
  isOwnPage: (url: string | undefined) => boolean
  log: Logger
}

export function createPermissionRequestHandler({ isOwnPage, log }: PermissionDeps): RequestHandler {
  return (_webContents, permission, callback, details) => {
    const granted = isPermissionGranted(
      permission,
      requestQuery(details),
      { url: details.requestingUrl, isMainFrame: details.isMainFrame },
      isOwnPage
    )
    if (!granted) log.info('denied a permission request', { permission })
    callback(granted)
  }
}

export function createPermissionCheckHandler({ isOwnPage }: PermissionDeps): CheckHandler {
  // Checks are frequent (every enumerateDevices asks): they are answered without logging.
  return (_webContents, permission, _requestingOrigin, details) =>
    isPermissionGranted(
      permission,
      checkQuery(details),
      { url: details.requestingUrl, isMainFrame: details.isMainFrame },
      isOwnPage
    )
}

/** HID, serial and USB devices: a phone needs none of them. */
export const denyAllDevices: DeviceHandler = () => false

export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>

export function installPermissionHandlers(session: PermissionSession, deps: PermissionDeps): void {
  // Setting the handlers to null first makes Chromium forget grants it has cached, so a permission
  // granted under an earlier handler (a reload in development) is asked for again, not kept.
  session.setPermissionRequestHandler(null)
  session.setPermissionCheckHandler(null)
  session.setPermissionRequestHandler(createPermissionRequestHandler(deps))
  session.setPermissionCheckHandler(createPermissionCheckHandler(deps))
  session.setDevicePermissionHandler(denyAllDevices)
}
