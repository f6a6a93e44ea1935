/**
 * Why a request never got an answer from Facebook, in the owner's words. fetch only says
 * "fetch failed"; the system's code in its cause tells a refused connection from a name that
 * could not be looked up, from a computer that is offline, from a real timeout. Each gets its own
 * sentence: "did not answer in time" for a refused connection sends the owner the wrong way.
 */
import { words, type Words } from '../../../shared/words'

export type NetworkFailure = 'timeout' | 'refused' | 'dns' | 'offline' | 'reset' | 'other'

const FAILURE_BY_CODE: Record<string, NetworkFailure> = {
  ECONNREFUSED: 'refused',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_FAIL: 'dns',
  EAI_NONAME: 'dns',
  ENETUNREACH: 'offline',
  ENETDOWN: 'offline',
  EHOSTUNREACH: 'offline',
  EHOSTDOWN: 'offline',
  EADDRNOTAVAIL: 'offline',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout'
}

export const NETWORK_WORDS: Record<NetworkFailure, Words> = {
  timeout: words('network.timeout'),
  refused: words('network.refused'),
  dns: words('network.dns'),
  offline: words('network.offline'),
  reset: words('network.reset'),
  other: words('network.other')
}

/**
 * The system's error code behind a failed fetch: on the error, its `cause` chain, or the first
 * error of an AggregateError (Node tries IPv4 and IPv6 in turn and reports both).
 */
export function networkCode(thrown: unknown, depth = 0): string | undefined {
  if (!(thrown instanceof Error) || depth > 4) return undefined
  const code = (thrown as NodeJS.ErrnoException).code
  if (typeof code === 'string' && code in FAILURE_BY_CODE) return code
  if (thrown instanceof AggregateError) {
    for (const inner of thrown.errors) {
      const found = networkCode(inner, depth + 1)
      if (found) return found
    }
  }
  return networkCode(thrown.cause, depth + 1) ?? (typeof code === 'string' ? code : undefined)
}

export function networkFailure(thrown: unknown): NetworkFailure {
  const code = networkCode(thrown)
  return (code && FAILURE_BY_CODE[code]) || 'other'
}
