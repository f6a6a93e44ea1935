/** One line of the setup checklist, and the error sentence every check shows when Graph fails. */
import checkNames from '../../../shared/i18n/en/setup-check-names'
import {
  CHECK_TITLE_KEYS,
  SETUP_CHECK_IDS,
  type SetupCheck,
  type SetupCheckId,
  type SetupCheckState,
  type SetupFix,
  type SetupFixAction,
  type SetupFixLabel
} from '../../../shared/onboarding'
import { englishWords } from '../../../shared/words-english'
import { words, type Words } from '../../../shared/words'
import { isGraphError } from '../graph'

/** Each check's English title, from the catalogue the windows word it from (by its id). */
export const CHECK_TITLES = Object.fromEntries(
  SETUP_CHECK_IDS.map((id) => [id, checkNames.titles[CHECK_TITLE_KEYS[id]]])
) as Record<SetupCheckId, string>

/** A fix the app can apply, its button in English beside the key each window says it by. */
export function fix(action: SetupFixAction, labelKey: SetupFixLabel): SetupFix {
  return { action, label: checkNames.fixes[labelKey], labelKey }
}

/**
 * One check; its detail as words (each window says it in its own language) with their English,
 * or, where another part of the app gave only a sentence, that sentence as it is.
 */
export function check(
  id: SetupCheckId,
  state: SetupCheckState,
  detail: Words | string,
  remedy?: SetupFix
): SetupCheck {
  const said =
    typeof detail === 'string' ? { detail } : { detail: englishWords(detail), words: detail }
  return remedy
    ? { id, title: CHECK_TITLES[id], state, ...said, fix: remedy }
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
