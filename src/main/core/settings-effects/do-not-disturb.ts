/**
 * Do not disturb, applied in the core so every UI (window, toast window, tray, browser mode, other
 * desks) agrees: an inbound call that starts ringing while it is on is marked `silenced` by the
 * registry (see `silences`), and no UI rings for it. With the action "ring-out" it then rings out
 * and ends as missed at the ring deadline; with "decline" it is declined with Meta at once. Either
 * way it ends like any call, so it is in history. Test calls always ring: the owner pressed the
 * button and is waiting for them.
 *
 * Business hours (settings `hours`) silence the same way: outside them, with `outside` "quiet" a
 * call rings out silenced, with "decline" it is declined at once. Do not disturb, when on, decides.
 */
import { openAt } from '../../../shared/business-hours'
import type { Call, RingingCall } from '../../../shared/calls'
import type { Settings } from '../config'
import type { Logger } from '../log'
import type { SettingsPort } from '../service/ports'
import type { OutsideHoursStatus } from '../../../shared/hours-status'
import { followHoursStatus } from './hours-status'

export interface DoNotDisturbDeps {
  settings: Pick<SettingsPort, 'get' | 'onChange'>
  logger: Logger
  /** The clock business hours are read against (tests). */
  now?: (() => number) | undefined
}

/** The registry's part: what the effect needs to decline and to (un)silence calls. */
export interface DoNotDisturbRegistry {
  get(callId: string): Call | undefined
  list(): Call[]
  decline(callId: string): Call
  setSilenced(callId: string, silenced: boolean): Call
  on(event: 'call', listener: (call: Call) => void): () => void
}

/**
 * The registry's `silence` option: whether a call starting to ring now rings nobody. Test calls
 * (the call's own `test` flag) never are.
 */
export function silences(settings: Settings, call: RingingCall, now = Date.now()): boolean {
  if (call.direction !== 'inbound' || call.test === true) return false
  return settings.doNotDisturb.enabled || outsideHours(settings, now)
}

/** Outside the business hours, with the owner's choice to keep such calls quiet or decline them. */
export function outsideHours(settings: Settings, now: number): boolean {
  const { schedule, outside } = settings.hours
  return outside !== 'ring' && schedule !== undefined && !openAt(schedule, now)
}

/** What happens to a silenced call: do not disturb's action when on, else the hours' choice. */
function silencedAction(settings: Settings): 'ring-out' | 'decline' {
  if (settings.doNotDisturb.enabled) return settings.doNotDisturb.action
  return settings.hours.outside === 'decline' ? 'decline' : 'ring-out'
}

export interface DoNotDisturbEffect {
  /** Calls kept quiet or declined outside the hours now, and until when (the core's status). */
  hours(): OutsideHoursStatus | undefined
  dispose(): void
}

/**
 * Declines silenced calls when the action says so, and follows the switch while calls ring: turned
 * on, ringing calls go quiet (they are not declined: the owner may be reaching for one); turned
 * off, the calls it silenced ring again.
 */
export function startDoNotDisturb(
  deps: DoNotDisturbDeps & {
    registry: DoNotDisturbRegistry
    /** Tells Meta the call is declined (Graph `reject`). */
    reject: (callId: string) => Promise<void>
    /** The hours opened or closed (or changed): the status says something else now. */
    onHoursChange?: (() => void) | undefined
  }
): DoNotDisturbEffect {
  const { registry, settings } = deps
  const now = deps.now ?? Date.now
  const log = deps.logger.child('do-not-disturb')
  /** Calls already seen ringing: only a call's first ring can be declined by the setting. */
  const seen = new Set<string>()

  const decline = (callId: string): void => {
    // Answered from a desk or hung up by the caller in the meantime: nothing left to decline.
    if (registry.get(callId)?.state !== 'ringing') return
    registry.decline(callId)
    log.info('declined a call: do not disturb or outside the hours', { callId })
    deps.reject(callId).catch((error: unknown) => {
      // Ended here already; Meta ends the call by itself when it rings out on the caller's side.
      log.warn('the decline was not confirmed by Facebook', { callId, error: String(error) })
    })
  }

  const offCall = registry.on('call', (call) => {
    if (call.state === 'ended') {
      seen.delete(call.id)
      return
    }
    if (call.state !== 'ringing' || seen.has(call.id)) return
    seen.add(call.id)
    if (!call.silenced) return
    if (silencedAction(settings.get()) === 'decline') {
      // After this emission has reached every listener: every UI sees it ring (silently), then end.
      queueMicrotask(() => decline(call.id))
    } else {
      log.info('a call rings out: do not disturb or outside the hours', { callId: call.id })
    }
  })

  const hours = followHoursStatus({ settings, now, onChange: () => deps.onHoursChange?.() })
  const offSettings = settings.onChange((next) => {
    for (const call of registry.list()) {
      if (call.state !== 'ringing') continue
      const quiet = silences(next, call, now())
      if ((call.silenced === true) === quiet) continue
      registry.setSilenced(call.id, quiet)
    }
  })

  return {
    hours: () => hours.current(),
    dispose() {
      hours.dispose()
      offCall()
      offSettings()
      seen.clear()
    }
  }
}
