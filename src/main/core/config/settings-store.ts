/**
 * settings.json in the data folder. The file holds only what the user chose (defaults are not
 * written out), so a default that changes in a later version reaches everyone who never touched it.
 */
import { join } from 'node:path'
import type { Logger } from '../log'
import { removeStaleTemps, writeFileAtomic } from '../shared/atomic-write'
import { ConfigError } from './errors'
import { formatPath, isPlainObject, type JsonObject } from './lenient'
import { ensurePrivateDir } from './private-files'
import { settingsSchema, type Settings, type SettingsPatch } from '../../../shared/settings'
import type { SecretStore } from './secrets'
import { readSettingsFile, type SettingsFileRead } from './settings-file'
import type { Words } from '../../../shared/words'
import { englishWords } from '../../../shared/words-english'

export const SETTINGS_FILE = 'settings.json'

export type SettingsListener = (settings: Settings, previous: Settings) => void

/** Keys that would reach Object.prototype through a plain assignment. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

export class SettingsStore {
  private readonly listeners = new Set<SettingsListener>()
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(
    readonly file: string,
    private readonly logger: Logger,
    /** The user's own choices, validated: what the file holds. */
    private raw: JsonObject,
    private current: Settings,
    /** What reading the file found: sentences for the user, a copy to keep, saves to refuse. */
    private readonly found: Pick<SettingsFileRead, 'notices' | 'refuseSaves' | 'ignoredGraphUrl'>
  ) {}

  static async open(
    dir: string,
    logger: Logger,
    options: {
      fileName?: string
      now?: () => number
      /** Where a TURN password found in the file (an older version's) moves to. */
      secrets?: Pick<SecretStore, 'set'>
    } = {}
  ): Promise<SettingsStore> {
    const file = join(dir, options.fileName ?? SETTINGS_FILE)
    await ensurePrivateDir(dir)
    await removeStaleTemps(file)
    const read = await readSettingsFile(file, logger, (options.now ?? Date.now)(), options.secrets)
    return new SettingsStore(file, logger, read.cleaned, deepFreeze(read.settings), read)
  }

  /** A Graph address the file named and this run ignores (only GRAPH_API_URL sets it). */
  get ignoredGraphUrl(): string | undefined {
    return this.found.ignoredGraphUrl
  }

  /** Sentences for the Settings view about the file as it was found (read, set aside, kept). */
  notices(): readonly string[] {
    return this.found.notices.map(englishWords)
  }

  /** The same sentences as words, for each window to say in its own language. */
  noticeWords(): readonly Words[] {
    return this.found.notices
  }

  /** The effective settings (defaults filled in). Frozen: change them through `update`. */
  get(): Settings {
    return this.current
  }

  /**
   * Validates and saves a change. Rejects with a ConfigError naming the field when the patch is
   * bad; the file and the current settings are then left as they were. Updates run one at a time.
   */
  update(patch: SettingsPatch): Promise<Settings> {
    const run = this.queue.then(() => this.apply(patch))
    this.queue = run.catch(() => undefined)
    return run
  }

  /** Called after each saved change that altered the effective settings. Returns an unsubscribe. */
  onChange(listener: SettingsListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private async apply(patch: SettingsPatch): Promise<Settings> {
    const raw = mergePatch(this.raw, patch, [])
    const result = settingsSchema.safeParse(raw)
    if (!result.success) {
      const problems = result.error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map(
              (key) => `Invalid setting "${formatPath([...issue.path, key])}": is not a setting`
            )
          : [`Invalid setting "${formatPath(issue.path)}": ${issue.message}`]
      )
      throw new ConfigError(problems.join('; '), problems)
    }
    if (JSON.stringify(raw) === JSON.stringify(this.raw)) return this.current
    // A file that could not be kept aside is not overwritten (see settings-file.ts).
    if (this.found.refuseSaves) throw ConfigError.of(this.found.refuseSaves)
    await writeFileAtomic(this.file, `${JSON.stringify(raw, null, 2)}\n`)
    const previous = this.current
    this.raw = raw
    this.current = deepFreeze(result.data)
    if (JSON.stringify(previous) !== JSON.stringify(this.current)) this.emit(previous)
    return this.current
  }

  private emit(previous: Settings): void {
    for (const listener of this.listeners) {
      try {
        listener(this.current, previous)
      } catch (error) {
        this.logger.error('A settings listener failed', { error })
      }
    }
  }
}

/**
 * Moves the TURN password an older version saved in settings.json to the secret store, then
 * rewrites the file without it (everything else as it was, so a later set-aside copy of a bad hand
 * edit holds no password). Where the store cannot keep it (no keyring on this desktop), the file
 * is left as it is, private, rather than lose the password: the move is tried again at each start,
 * and the desktop store still holds it in memory for this run. Without a store (tests), nothing
 * moves and the password is simply not a setting.
 */
/** RFC 7396-like merge: objects merge, `null` deletes, `undefined` is skipped, the rest replaces. */
function mergePatch(base: JsonObject, patch: unknown, path: string[]): JsonObject {
  if (!isPlainObject(patch)) {
    const where = path.length > 0 ? `"${formatPath(path)}"` : 'the settings update'
    throw new ConfigError(`Invalid setting ${where}: must be an object`)
  }
  const out: JsonObject = { ...base }
  for (const [key, value] of Object.entries(patch)) {
    const field = [...path, key]
    if (FORBIDDEN_KEYS.has(key)) {
      throw new ConfigError(`Invalid setting "${formatPath(field)}": is not a setting`)
    }
    if (value === undefined) continue
    if (value === null) {
      delete out[key]
    } else if (isPlainObject(value)) {
      const current = out[key]
      const merged = mergePatch(isPlainObject(current) ? current : {}, value, field)
      // An object emptied by the patch is dropped, so the file keeps only real choices.
      if (Object.keys(merged).length > 0) out[key] = merged
      else delete out[key]
    } else {
      out[key] = value
    }
  }
  return out
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item)
    Object.freeze(value)
  }
  return value
}
