/**
 * The language the desktop shell speaks (its tray, notifications, menus and dialogs): the desk's
 * `desk.language`, as the windows speak it (shared/i18n/languages), where "system" follows the
 * operating system's preferred languages. Until the desk's settings are known (a failed start),
 * the system's languages alone decide.
 */
import { nameOfCaller } from '../../shared/caller-name'
import type { Caller } from '../../shared/calls'
import { resolveLanguage, type Language } from '../../shared/i18n/languages'
import { translator, type Translate } from '../../shared/i18n/translate'
import type { SettingsStore } from '../core/config'

export interface LanguageApp {
  /**
   * Electron, on every platform: the OS's ordered language list (Windows'
   * GlobalizationPreferences, macOS's NSLocale preferredLanguages, Linux's g_get_language_names,
   * which may be only "C"); an empty list where none can be read.
   */
  getPreferredSystemLanguages(): string[]
  /** Electron: the app's locale, Chromium's pick from the system (valid after `ready`). */
  getLocale(): string
}

export function systemLanguages(app: LanguageApp): string[] {
  const preferred = app.getPreferredSystemLanguages()
  return preferred.length > 0 ? preferred : [app.getLocale()]
}

export interface ShellWords {
  /** Words a text in the desk's language of the moment. */
  readonly t: Translate
  language(): Language
  /** Follows this desk's settings from now on (before: the system's languages). */
  follow(settings: Pick<SettingsStore, 'get' | 'onChange'>): void
  /** Called when the language the shell speaks changed; returns the unsubscribe. */
  onChange(listener: () => void): () => void
  dispose(): void
}

export function createShellWords(app: LanguageApp): ShellWords {
  let settings: Pick<SettingsStore, 'get'> | undefined
  const language = (): Language =>
    resolveLanguage(settings?.get().desk.language ?? 'system', systemLanguages(app))
  const listeners = new Set<() => void>()
  /** The language last spoken, once asked (Electron's getLocale waits for `ready`). */
  let spoken: Language | undefined
  const check = (): void => {
    const now = language()
    if (now === spoken) return
    const first = spoken === undefined
    spoken = now
    if (!first) for (const listener of listeners) listener()
  }
  let unfollow: (() => void) | undefined
  return {
    t: (key, params) => translator(language())(key, params),
    language,
    follow(store) {
      unfollow?.()
      check()
      settings = store
      unfollow = store.onChange(check)
      check()
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    dispose() {
      unfollow?.()
      listeners.clear()
    }
  }
}

/** The call's caller as every view names them (shared/caller-name.ts), in the shell's language. */
export function callerName(
  call: { caller: Caller; test?: true | undefined },
  t: Translate
): string {
  return nameOfCaller((key) => t(key), call.caller, call.test)
}
