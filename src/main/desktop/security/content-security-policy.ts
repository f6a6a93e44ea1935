/**
 * The Content-Security-Policy of our pages, sent as a response header wherever Electron lets us set
 * one. Each page also carries the same policy in a <meta> tag: for file:// pages the header hook did
 * not run in older Electron versions (electron/electron#23485), so the tag is the layer that always
 * applies, and this copy must stay equal to it (a test compares them) but for the directives only
 * a header can carry.
 */
import type { OnHeadersReceivedListenerDetails, HeadersReceivedResponse } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp'

export {
  CONTENT_SECURITY_POLICY,
  CSP_DIRECTIVES,
  HEADER_ONLY_DIRECTIVES
} from '../../../shared/csp'

type HeadersListener = (
  details: OnHeadersReceivedListenerDetails,
  callback: (response: HeadersReceivedResponse) => void
) => void

export interface HeaderHook {
  onHeadersReceived(listener: HeadersListener): void
}

/** Replaces any CSP header (in whatever case) on responses for our own pages. */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined
): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY]
  return out
}

export function installContentSecurityPolicy(
  webRequest: HeaderHook,
  isOwnPage: (url: string) => boolean
): void {
  webRequest.onHeadersReceived((details, callback) => {
    const page = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame'
    if (page && isOwnPage(details.url)) {
      callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) })
    } else {
      callback({})
    }
  })
}
