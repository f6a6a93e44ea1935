/**
 * The one HTTP request a localtunnel client makes: `GET {host}/?new` (or `/{subdomain}`) asks the
 * tunnel server for a tunnel and gets back where to connect and the public URL. Done here rather
 * than by the `localtunnel` package, whose version retries forever once a second, cannot be
 * cancelled, and treats a refusal ("invalid subdomain") as one more reason to retry.
 */
import { z } from 'zod'
import { TunnelError } from './connection'
import { words } from '../../../shared/words'

const TunnelGrant = z.looseObject({
  id: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  max_conn_count: z.number().int().positive().optional(),
  url: z.string().refine((value) => /^https?:\/\/[^\s/?#]+/i.test(value), 'must be an http(s) URL'),
  ip: z.string().optional()
})
export type TunnelGrant = z.infer<typeof TunnelGrant>

/** 4xx answers that are worth repeating: the server was busy, not refusing. */
const RETRYABLE_4XX = new Set([408, 425, 429])

function sentence(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim().slice(0, 200)
  return /[.!?]$/.test(line) ? line : `${line}.`
}

function serverMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const message = (body as { message?: unknown }).message
  return typeof message === 'string' && message.trim() !== '' ? message : undefined
}

/** fetch says only "fetch failed"; the system's code (ECONNREFUSED, ENOTFOUND) is in the cause. */
function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined
  if (typeof cause?.code === 'string') return cause.code
  return error instanceof Error ? error.message : String(error)
}

export async function requestTunnel(
  host: string,
  subdomain: string | undefined,
  signal: AbortSignal
): Promise<TunnelGrant> {
  const server = host.replace(/\/+$/, '')
  const where = `${server}/${subdomain ?? '?new'}`
  let status: number
  let text: string
  try {
    const response = await fetch(where, { signal, headers: { accept: 'application/json' } })
    status = response.status
    text = await response.text()
  } catch (error) {
    if (signal.aborted) throw signal.reason
    throw new TunnelError(
      words('tunnel.serverUnreachable', { server, reason: networkReason(error) })
    )
  }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    body = undefined
  }
  if (status < 200 || status > 299) {
    const said = serverMessage(body)
    const permanent = status >= 400 && status < 500 && !RETRYABLE_4XX.has(status)
    throw new TunnelError(
      !permanent
        ? words('tunnel.serverDown', { server, status })
        : said
          ? words('tunnel.serverRefusedSaying', { server, said: sentence(said) })
          : words('tunnel.serverRefused', { server, status }),
      permanent
    )
  }
  const grant = TunnelGrant.safeParse(body)
  if (!grant.success) {
    throw new TunnelError(
      // Not permanent: a captive portal answers like this until someone signs in to the network.
      words('tunnel.notLocaltunnel', { server })
    )
  }
  return grant.data
}
