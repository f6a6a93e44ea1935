/** One line of the setup checklist, and the error sentence every check shows when Graph fails. */
import type {
  SetupCheck,
  SetupCheckId,
  SetupCheckState,
  SetupFix
} from '../../../shared/onboarding'
import { isGraphError } from '../graph'

export const CHECK_TITLES: Record<SetupCheckId, string> = {
  app: 'App id and app secret',
  token: 'Page access token',
  'token-page': 'Token for this Page',
  'token-expiry': 'Token lifetime',
  permissions: 'Permissions',
  'app-mode': 'App mode (Development or Live)',
  'page-subscription': 'Page sends calls to the app',
  'ring-target': 'Calls ring in this app',
  audio: 'Voice calls turned on',
  tunnel: 'Reachable from the internet',
  webhook: 'Webhook registered with Meta',
  handshake: "Meta's check reached this computer"
}

export function check(
  id: SetupCheckId,
  state: SetupCheckState,
  detail: string,
  fix?: SetupFix
): SetupCheck {
  return fix
    ? { id, title: CHECK_TITLES[id], state, detail, fix }
    : { id, title: CHECK_TITLES[id], state, detail }
}

export const skipped = (id: SetupCheckId, reason: string): SetupCheck =>
  check(id, 'skipped', reason)

/** A Graph failure as the owner reads it; anything else keeps its detail in the log only. */
export function errorSentence(error: unknown): string {
  if (isGraphError(error)) return error.userMessage
  return 'Something went wrong while asking Meta; try again, and check the log if it keeps happening.'
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown }

/** Runs `work` now and never rejects: checks read the outcome when their turn comes. */
export function settle<T>(work: () => Promise<T>): Promise<Settled<T>> {
  return Promise.resolve()
    .then(work)
    .then(
      (value): Settled<T> => ({ ok: true, value }),
      (error: unknown): Settled<T> => ({ ok: false, error })
    )
}

/** 2026-05-03, as Meta's dashboards write dates; the UI adds no time zone confusion. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}
