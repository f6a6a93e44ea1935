/** One line of the setup checklist, and the error sentence every check shows when Graph fails. */
import type {
  SetupCheck,
  SetupCheckId,
  SetupCheckState,
  SetupFix
} from '../../../shared/onboarding'
import { englishWords } from '../../../shared/words-english'
import { words, type Words } from '../../../shared/words'
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

/**
 * One check; its detail as words (each window says it in its own language) with their English,
 * or, where another part of the app gave only a sentence, that sentence as it is.
 */
export function check(
  id: SetupCheckId,
  state: SetupCheckState,
  detail: Words | string,
  fix?: SetupFix
): SetupCheck {
  const said =
    typeof detail === 'string' ? { detail } : { detail: englishWords(detail), words: detail }
  return fix
    ? { id, title: CHECK_TITLES[id], state, ...said, fix }
    : { id, title: CHECK_TITLES[id], state, ...said }
}

export const skipped = (id: SetupCheckId, reason: Words): SetupCheck => check(id, 'skipped', reason)

/** A Graph failure as the owner reads it; anything else keeps its detail in the log only. */
export function errorWords(error: unknown): Words {
  if (isGraphError(error)) return error.userWords
  return words('setup.askFailed')
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
