/**
 * What the tunnel service needs from a tunnel implementation: open one for a local port, learn
 * its public URL, hear once when it is beyond saving, close it. Tests plug in a fake; production
 * uses the localtunnel client (localtunnel-client.ts).
 */
import { words, type Words } from '../../../shared/words'
import { englishWords } from '../../../shared/words-english'

export interface TunnelRequest {
  /** The local webhook listener's port on 127.0.0.1. */
  localPort: number
  /** The tunnel server, a full URL such as https://localtunnel.me. */
  host: string
  subdomain?: string | undefined
}

export interface TunnelConnection {
  /** The public base URL; requests to it arrive at the local port. */
  readonly url: string
  /**
   * Called at most once, when the tunnel stopped carrying requests and will not recover on its
   * own. Not called after `close()`.
   */
  onDown(listener: (reason: string) => void): void
  /** Idempotent. */
  close(): void
}

/** Resolves once the tunnel carries requests; honours `signal` (rejecting with its reason). */
export type TunnelConnector = (
  request: TunnelRequest,
  signal: AbortSignal
) => Promise<TunnelConnection>

/** A failure the owner can read. `permanent`: retrying will not help until the settings change. */
export class TunnelError extends Error {
  override readonly name = 'TunnelError'
  /** The sentence as words, for each window to say in its own language; absent: as it is. */
  readonly words: Words | undefined
  constructor(
    said: string | Words,
    readonly permanent = false
  ) {
    super(typeof said === 'string' ? said : englishWords(said))
    this.words = typeof said === 'string' ? undefined : said
  }
}

/** The sentence to show for whatever an attempt failed with. */
export function tunnelErrorSentence(error: unknown): string {
  const said = tunnelErrorWords(error)
  return typeof said === 'string' ? said : englishWords(said)
}

export function tunnelErrorWords(error: unknown): Words | string {
  if (error instanceof TunnelError) return error.words ?? error.message
  return words('tunnel.openFailed')
}

/** `base` plus an absolute `path`, whether or not `base` ends with a slash. */
export function joinUrlPath(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`
}
