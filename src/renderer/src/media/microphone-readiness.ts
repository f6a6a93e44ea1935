/**
 * Whether the microphone may be opened without a prompt, known while the call rings, so the click
 * can send the accept at once and open the microphone beside it (a desk phone picks up before its
 * handset is at the ear). Two voices decide: the page's permission (navigator.permissions) and, in
 * the desktop app, the operating system's media access for the app (Electron's
 * systemPreferences.getMediaAccessStatus, through window.shell).
 */
import type { MicrophoneAccess } from '../../../shared/ipc'

/**
 * 'granted': getUserMedia will not ask; 'prompt': it will ask (the user or the OS has not
 * decided); 'denied': it will fail; 'unknown': nobody could say yet.
 */
export type MicrophoneReadiness = 'granted' | 'prompt' | 'denied' | 'unknown'

/** The two answers as one: a refusal by either wins, then a question, then a grant. */
export function readinessOf(
  page: PermissionState | undefined,
  system: MicrophoneAccess | undefined
): MicrophoneReadiness {
  if (page === 'denied' || system === 'denied' || system === 'restricted') return 'denied'
  if (page === 'prompt' || system === 'not-determined') return 'prompt'
  // 'unknown' from the shell is Linux (no OS setting): the page's permission alone decides.
  if (page === 'granted') return 'granted'
  // A Chromium without the microphone permission query: only the OS's own grant counts.
  return system === 'granted' ? 'granted' : 'unknown'
}

export interface MicrophoneReadinessWatch {
  /** What is known now; 'unknown' until both answers came. */
  readonly current: MicrophoneReadiness
  dispose(): void
}

async function pagePermission(): Promise<PermissionStatus | undefined> {
  try {
    return await navigator.permissions?.query({ name: 'microphone' as PermissionName })
  } catch {
    // Not every engine knows the 'microphone' name: the click then asks first.
    return undefined
  }
}

async function systemAccess(): Promise<MicrophoneAccess | undefined> {
  try {
    return await window.shell?.microphoneAccess()
  } catch {
    return undefined
  }
}

/**
 * Starts finding out while the call rings, and follows changes until disposed: the page's
 * permission reports its own changes; the OS setting is read again when the window regains focus
 * (the user comes back from System Settings).
 */
export function watchMicrophoneReadiness(): MicrophoneReadinessWatch {
  let page: PermissionStatus | undefined
  let pageState: PermissionState | undefined
  let system: MicrophoneAccess | undefined
  let settled = false
  let disposed = false
  const onPageChange = (): void => {
    pageState = page?.state
  }
  const readSystem = (): void => {
    void systemAccess().then((access) => {
      system = access
    })
  }
  void Promise.all([pagePermission(), systemAccess()]).then(([status, access]) => {
    system = access
    settled = true
    if (disposed || !status) return
    page = status
    pageState = status.state
    status.addEventListener('change', onPageChange)
  })
  window.addEventListener('focus', readSystem)
  return {
    get current() {
      return settled ? readinessOf(pageState, system) : 'unknown'
    },
    dispose() {
      disposed = true
      page?.removeEventListener('change', onPageChange)
      window.removeEventListener('focus', readSystem)
    }
  }
}
