/**
 * Meta delivers webhooks to https callback URLs only: a public http one gets a warning for the
 * owner. A loopback address is left alone: only the Messenger simulator on this computer can call
 * it, and it does over http.
 */
import { words, type Words } from '../../../shared/words'

/** http://127.0.0.1, http://localhost, http://[::1]: a test rig on this computer. */
const LOOPBACK_HTTP = /^http:\/\/(?:127(?:\.\d{1,3}){3}|localhost|\[::1\])(?:[:/]|$)/i

/** The warning as words; `source` names where the address came from, so it says what to change. */
export function insecureUrlWords(url: string, source: 'tunnel' | 'own-url'): Words | undefined {
  if (!/^http:/i.test(url) || LOOPBACK_HTTP.test(url)) return undefined
  return source === 'tunnel'
    ? words('tunnel.httpFromTunnel', { url })
    : words('tunnel.httpOwnUrl', { url })
}
