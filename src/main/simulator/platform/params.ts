/**
 * Graph parameters arrive in the query string, a JSON body or a form body, and nested values of a
 * form body are JSON text. Routes read them through these helpers, which fail with Graph's errors.
 */
import { invalidParam, requiredParam } from './graph-error'

export type Params = Record<string, unknown>

/** Never recorded in the request log: they are credentials. */
const SECRET_PARAMS = new Set(['access_token', 'appsecret_proof', 'input_token'])

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Query and body merged; the body wins, as it carries the request proper. */
export function collectParams(query: unknown, body: unknown): Params {
  return { ...(isRecord(query) ? query : {}), ...(isRecord(body) ? body : {}) }
}

export function withoutSecrets(params: Params): Params {
  return Object.fromEntries(Object.entries(params).filter(([key]) => !SECRET_PARAMS.has(key)))
}

export function optionalString(params: Params, name: string): string | undefined {
  const value = params[name]
  if (value === undefined || value === '') return undefined
  if (typeof value === 'number') return String(value)
  if (typeof value !== 'string') throw invalidParam(`Param ${name} must be a string`)
  return value
}

export function requireString(params: Params, name: string): string {
  const value = optionalString(params, name)
  if (value === undefined) throw requiredParam(name)
  return value
}

/** A list given as an array, a JSON array, or comma-separated text (`fields=calls,messages`). */
export function optionalList(params: Params, name: string): string[] | undefined {
  let value = params[name]
  if (value === undefined || value === '') return undefined
  if (typeof value === 'string' && value.trim().startsWith('[')) value = parseJson(value, name)
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : null
  if (!items || !items.every((item) => typeof item === 'string'))
    throw invalidParam(`Param ${name} must be a list of strings`)
  return items.map((item) => item.trim()).filter((item) => item.length > 0)
}

/** An object given as JSON body member or as JSON text in a form or query parameter. */
export function optionalObject(params: Params, name: string): Record<string, unknown> | undefined {
  let value = params[name]
  if (value === undefined || value === '') return undefined
  if (typeof value === 'string') value = parseJson(value, name)
  if (!isRecord(value)) throw invalidParam(`Param ${name} must be a JSON object`)
  return value
}

/** Any value; text that looks like a JSON object or array (a form post's nested value) is parsed. */
export function jsonValue(params: Params, name: string): unknown {
  const value = params[name]
  if (typeof value === 'string' && /^\s*[[{]/.test(value)) return parseJson(value, name)
  return value
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw invalidParam(`Param ${name} must be valid JSON`)
  }
}
