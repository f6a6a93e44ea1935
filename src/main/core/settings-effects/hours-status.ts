/**
 * The business hours in the core's status (issue 16, item 1): while calls are kept quiet or
 * declined outside the hours, every desk (tray, windows, seats) says so and when the hours open.
 * The status is read fresh each time it is asked for; a one-shot timer to the next opening or
 * closing, re-armed each time, publishes the change when it happens.
 */
import type { Settings } from '../../../shared/settings'
import {
  nextHoursChange,
  outsideHoursStatus,
  type OutsideHoursStatus
} from '../../../shared/hours-status'
import type { SettingsPort } from '../service/ports'

/** setTimeout takes at most 2^31-1 ms; a day keeps far openings (holidays) well inside it. */
const MAX_WAIT_MS = 24 * 60 * 60_000
/** A change computed at (or, across a DST gap, before) now is looked at again a second later. */
const MIN_WAIT_MS = 1000

export interface HoursStatusDeps {
  settings: Pick<SettingsPort, 'get' | 'onChange'>
  /** Publishes the status again (the hours opened or closed, or their settings changed). */
  onChange: () => void
  now?: (() => number) | undefined
}

export interface HoursStatus {
  current(): OutsideHoursStatus | undefined
  dispose(): void
}

export function followHoursStatus(deps: HoursStatusDeps): HoursStatus {
  const now = deps.now ?? Date.now
  let timer: ReturnType<typeof setTimeout> | undefined
  let hours = deps.settings.get().hours

  const arm = (): void => {
    clearTimeout(timer)
    const at = nextHoursChange(hours, now())
    if (at === null || hours.outside === 'ring') return
    // Timer "business hours change" (once per opening or closing, at most a day ahead): the
    // status says the hours opened or closed. Never periodic: it is set again only when it fires.
    timer = setTimeout(fired, Math.min(Math.max(at - now(), MIN_WAIT_MS), MAX_WAIT_MS))
    timer.unref?.()
  }
  const fired = (): void => {
    arm()
    deps.onChange()
  }
  const offSettings = deps.settings.onChange((next: Settings) => {
    if (JSON.stringify(next.hours) === JSON.stringify(hours)) return
    hours = next.hours
    arm()
    deps.onChange()
  })
  arm()

  return {
    current: () => outsideHoursStatus(deps.settings.get().hours, now()),
    dispose() {
      clearTimeout(timer)
      offSettings()
    }
  }
}
