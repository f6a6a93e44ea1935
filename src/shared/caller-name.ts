/**
 * The caller as every view and the main process's own texts name them (toast, in call, history,
 * notification, tray): their name; the built-in test line's caller in the desk's language, whatever
 * name the simulator's profile gives; else "Messenger caller". Never blank, never an id.
 */
import type { Caller } from './calls'

export type CallerNameKey = 'calls.unknownCaller' | 'app.avatar.testCaller'

export function nameOfCaller(
  say: (key: CallerNameKey) => string,
  caller: Caller,
  test?: boolean | undefined
): string {
  if (test) return say('app.avatar.testCaller')
  return caller.name?.trim() || say('calls.unknownCaller')
}
