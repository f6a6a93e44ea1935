/**
 * Where a seat finds its hub: the hub's public address (its tunnel URL or PUBLIC_URL) and, when
 * the hub accepts desks on its local network (hub-lan.ts), that address too, tried first: it is
 * quicker and keeps working when the internet or the tunnel does not. Either one only carries
 * the sealed link; neither is trusted.
 */
import { WebSocket } from 'ws'
import { englishWords } from '../../../shared/words-english'
import { words, type Words } from '../../../shared/words'
import { MAX_NOISE_MESSAGE } from './noise-primitives'
import { SEAT_LINK_PATH } from './seat-endpoint'

/** A hub on the local network answers at once or not at all: the public address is next. */
export const LAN_OPEN_TIMEOUT_MS = 3_000
const OPEN_TIMEOUT_MS = 10_000

/** The hub's seat address for its public address: https -> wss, beside any path prefix. */
export function seatLinkUrl(hubUrl: string): string {
  const url = new URL(hubUrl)
  url.protocol = url.protocol === 'https:' || url.protocol === 'wss:' ? 'wss:' : 'ws:'
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${SEAT_LINK_PATH}`
  url.search = ''
  url.hash = ''
  return url.toString()
}

/**
 * Whether the address is on a private network (10/8, 172.16/12, 192.168/16, 169.254/16, or a
 * `.local` name): a hub reached there is one on this desk's own network.
 */
export function isLocalNetworkUrl(text: string): boolean {
  let host: string
  try {
    host = new URL(text).hostname
  } catch {
    return false
  }
  if (host.endsWith('.local')) return true
  const octets = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host)
  if (!octets) return false
  const [a, b] = [Number(octets[1]), Number(octets[2])]
  return (
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254)
  )
}

/**
 * Why an address did not answer, in the words of someone at a desk: the error codes are the
 * operating system's, and the status line is read by people, not by whoever debugs the network.
 * As words, so a seat says it in its own language.
 */
export function unreachableWords(hubUrl: string, error: Error & { code?: string }): Words {
  let host = hubUrl
  try {
    host = new URL(hubUrl).host
  } catch {
    // Shown as given.
  }
  switch (error.code) {
    case 'ECONNREFUSED':
      return words('hubReason.notRunning', { host })
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return words('hubReason.notFound', { host })
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return words('hubReason.noAnswer', { host })
    case 'ECONNRESET':
      return words('hubReason.cut', { host })
    default:
      return words('hubReason.other', { host, error: error.message })
  }
}

/** The hub could not be reached: the English message, and the words the seat's windows say. */
export class HubUnreachableError extends Error {
  constructor(readonly words: Words) {
    super(englishWords(words))
    this.name = 'HubUnreachableError'
  }
}

/** Opens the WebSocket to one address; rejects with a sentence when it cannot. */
export function openSeatSocket(hubUrl: string, timeoutMs = OPEN_TIMEOUT_MS): Promise<WebSocket> {
  const socket = new WebSocket(seatLinkUrl(hubUrl), {
    maxPayload: MAX_NOISE_MESSAGE,
    handshakeTimeout: timeoutMs
  })
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket))
    socket.once('error', (error) =>
      reject(new HubUnreachableError(unreachableWords(hubUrl, error)))
    )
    socket.once('close', () => reject(new HubUnreachableError(words('hubReason.closed'))))
  })
}

/**
 * Opens the first address that answers, the local network's first (quickly given up on); rejects
 * with the last address's reason, the public one's, which is the one worth showing.
 */
export async function openFirstSeatSocket(
  addresses: { lanUrl?: string | undefined; hubUrl: string },
  open = openSeatSocket
): Promise<{ socket: WebSocket; url: string }> {
  const { lanUrl, hubUrl } = addresses
  if (lanUrl && lanUrl !== hubUrl) {
    try {
      return { socket: await open(lanUrl, LAN_OPEN_TIMEOUT_MS), url: lanUrl }
    } catch {
      // Not on the hub's network now (a laptop away from the office): the public address next.
    }
  }
  return { socket: await open(hubUrl), url: hubUrl }
}
