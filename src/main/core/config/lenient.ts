/**
 * Reads a settings object a person may have edited by hand: every bad or unknown key is dropped
 * (so its default applies) and reported, instead of refusing to start.
 */
import { settingsSchema, type Settings } from '../../../shared/settings'

export type JsonObject = Record<string, unknown>

export interface SettingsProblem {
  /** Dotted path of the dropped key, e.g. "webhook.port"; "" for the whole file. */
  field: string
  problem: string
}

export interface LenientResult {
  settings: Settings
  /** The input without the dropped keys: what the file should hold from now on. */
  cleaned: JsonObject
  problems: SettingsProblem[]
}

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.')
}

/**
 * Drops the key an issue points at. An array falls back whole (a half-kept list of STUN servers
 * is worse than the default list); a missing required key drops the object that lacks it.
 */
function dropAt(root: JsonObject, issuePath: readonly PropertyKey[]): boolean {
  const firstIndex = issuePath.findIndex((key) => typeof key === 'number')
  const path = firstIndex === -1 ? issuePath : issuePath.slice(0, firstIndex)
  // Walk to the deepest object that exists on the path, then delete the next key below it.
  let parent: JsonObject = root
  for (let depth = 0; depth < path.length; depth++) {
    const key = String(path[depth])
    const child = parent[key]
    const last = depth === path.length - 1
    if (last || !isPlainObject(child)) {
      if (!(key in parent)) return false
      delete parent[key]
      return true
    }
    if (!(String(path[depth + 1]) in child)) {
      // The child lacks a required key: the child as a whole is what falls back.
      delete parent[key]
      return true
    }
    parent = child
  }
  return false
}

export function parseSettingsLeniently(input: unknown): LenientResult {
  const problems: SettingsProblem[] = []
  // A key that falls back in two steps (bad value, then "required" on its parent) is told once.
  const report = (field: string, problem: string): void => {
    if (!problems.some((seen) => seen.field === field)) problems.push({ field, problem })
  }
  if (!isPlainObject(input)) {
    report('', 'is not a JSON object; using all defaults')
    input = {}
  }
  const cleaned = structuredClone(input) as JsonObject
  // Each round drops at least one key, so this ends; the bound is a guard against a bug here.
  for (let round = 0; round < 100; round++) {
    const result = settingsSchema.safeParse(cleaned)
    if (result.success) return { settings: result.data, cleaned, problems }
    let dropped = false
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          dropped = dropAt(cleaned, [...issue.path, key]) || dropped
          report(formatPath([...issue.path, key]), 'is not a setting')
        }
      } else {
        dropped = dropAt(cleaned, issue.path) || dropped
        report(formatPath(issue.path), issue.message)
      }
    }
    if (!dropped) break
  }
  report('', 'could not be repaired; using all defaults')
  return { settings: settingsSchema.parse({}), cleaned: {}, problems }
}
