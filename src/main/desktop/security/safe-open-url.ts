/**
 * The one way a link leaves the app: to the system browser, and only for schemes on the allowlist
 * (Element's safeOpenURL). `shell.openExternal` with an attacker's `file:` or custom-scheme URL can
 * start programs, so a compromised or tricked renderer must never choose the scheme.
 */
import type { Logger } from '../../core/log'

/** https only: every link the app shows (Meta's docs, the developer dashboard) is https. */
export const EXTERNAL_SCHEMES: ReadonlySet<string> = new Set(['https:'])

export type OpenExternal = (url: string) => Promise<void>

/** Opens `target` in the system browser when it is allowed; returns whether it was. */
export function safeOpenURL(target: string, openExternal: OpenExternal, log?: Logger): boolean {
  let url: URL
  try {
    url = new URL(target)
  } catch {
    log?.warn('refused to open a malformed link')
    return false
  }
  // Credentials in a link (https://user@host) only serve to disguise where it really goes.
  if (!EXTERNAL_SCHEMES.has(url.protocol) || url.username || url.password) {
    log?.warn('refused to open a link', { scheme: url.protocol })
    return false
  }
  openExternal(url.href).catch((error: unknown) => {
    log?.warn('the system browser did not open the link', { error })
  })
  return true
}
