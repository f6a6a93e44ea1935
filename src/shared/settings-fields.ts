/**
 * Value rules shared by the settings file and the environment variables, so a value accepted in one
 * place is accepted in the other. Each parser returns the normalised value, or undefined if bad.
 */

export const DEFAULT_GRAPH_API_URL = 'https://graph.facebook.com'
export const DEFAULT_GRAPH_API_VERSION = 'v26.0'
/**
 * A fixed high port rather than a random one: a tunnel or reverse proxy set up once keeps pointing
 * at the right place across restarts. 0 means "any free port" (tests).
 */
export const DEFAULT_WEBHOOK_PORT = 47800
/** Where a hub takes desks on its local network, when the owner turns that on. */
export const DEFAULT_SEAT_LAN_PORT = 47802
export const DEFAULT_WEBHOOK_PATH = '/webhook'
/** Meta stops a call after 60 s unanswered; ringing stops earlier so a late click cannot race it. */
export const DEFAULT_RING_TIMEOUT_SECONDS = 50
export const MAX_RING_TIMEOUT_SECONDS = 55
/**
 * None by default: Meta's media servers are ICE-lite with public host candidates and learn our
 * address from our own connectivity checks, so a STUN server adds nothing in the common case and
 * would tell a third party about every call. Owners behind unusual networks can add one.
 */
export const DEFAULT_STUN_URLS: string[] = []

/** Page and app ids end up in Graph URL paths: only URL-safe characters (Meta's are digits). */
export const GRAPH_ID = /^[A-Za-z0-9_-]{1,64}$/
export const GRAPH_API_VERSION = /^v\d+\.\d+$/
/** A URL path without query, fragment or spaces. */
export const WEBHOOK_PATH = /^\/[^\s?#]{0,200}$/
/** One DNS label, lower case (what localtunnel accepts as a subdomain). */
export const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/
/** Tokens and secrets are printable ASCII without spaces; a pasted newline is trimmed before. */
export const SECRET_VALUE = /^[\x21-\x7e]{1,4096}$/

function parseUrl(raw: string): URL | undefined {
  try {
    const url = new URL(raw)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
    if (url.username || url.password) return undefined
    // `URL` turns a bare "?" or "#" into an empty search/hash, so look at the text too.
    if (url.search || url.hash || raw.includes('?') || raw.includes('#')) return undefined
    return url
  } catch {
    return undefined
  }
}

/** `http(s)://host[:port]` and nothing after it: the client appends the version and paths. */
export function parseOrigin(raw: string): string | undefined {
  const url = parseUrl(raw)
  if (!url || (url.pathname !== '/' && url.pathname !== '')) return undefined
  return url.origin
}

/** An http(s) URL without credentials, query or fragment; returned without a trailing slash. */
export function parseHttpUrl(raw: string): string | undefined {
  const url = parseUrl(raw)
  return url ? url.href.replace(/\/+$/, '') : undefined
}

/** A whole number in [min, max], written in plain digits ("1e3" and "0x10" are refused). */
export function parseWholeNumber(raw: string, min: number, max: number): number | undefined {
  if (!/^\d{1,10}$/.test(raw)) return undefined
  const value = Number(raw)
  return value >= min && value <= max ? value : undefined
}

/** A decimal number greater than 0 and at most max ("1.5" yes; "Infinity", "1e3" no). */
export function parsePositiveNumber(raw: string, max: number): number | undefined {
  if (!/^\d{1,6}(?:\.\d{1,6})?$/.test(raw)) return undefined
  const value = Number(raw)
  return value > 0 && value <= max ? value : undefined
}

export function matching(pattern: RegExp): (raw: string) => string | undefined {
  return (raw) => (pattern.test(raw) ? raw : undefined)
}
