/**
 * Meta's webhook delivery: POST the JSON to the callback URL, signed over the raw bytes with the
 * app secret. Options reproduce what the app must survive: duplicates, reordering, late delivery,
 * unsigned or badly signed bodies, and Meta's retries after a non-2xx answer.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { silentLogger, type Logger } from '../../core/log'
import { deliveryBuilders, type DeliveryBuilders } from './payloads'
import { signatureSha1, signatureSha256 } from './sign'

/** 'valid' signs correctly; 'none' leaves the headers out; 'wrong' signs with another secret. */
export type SignatureMode = 'valid' | 'none' | 'wrong'

export interface WebhookSenderOptions {
  /** The app's callback URL (or the local listener behind the tunnel). */
  url: string
  appSecret: string
  /** The Page the deliveries come from (every entry's `id`). */
  pageId: string
  logger?: Logger
  /** Default signature mode for every delivery; default 'valid'. */
  signature?: SignatureMode
  /** Meta retries a failed delivery; off unless set (`attempts` counts the first try). */
  retry?: { attempts: number; delayMs: number }
  /** Per attempt; Meta gives up on a callback after a few seconds. Default 5000. */
  timeoutMs?: number
}

export interface DeliverOptions {
  /** Extra copies sent after the first, as Meta's retries produce. */
  duplicate?: number
  /** Wait this long before sending. */
  delayMs?: number
  signature?: SignatureMode
}

export interface DeliverAllOptions extends DeliverOptions {
  /** 'given' (default), 'reverse', or an explicit permutation of indexes. */
  order?: 'given' | 'reverse' | readonly number[]
}

/** One HTTP attempt, for assertions; status 0 means no answer (refused, reset, timed out). */
export interface DeliveryAttempt {
  body: string
  status: number
  signature: string | undefined
  attempt: number
  at: number
}

export interface WebhookSender extends DeliveryBuilders {
  readonly url: string
  setUrl(url: string): void
  /** The `X-Hub-Signature-256` value for a body. */
  sign(body: string | Buffer): string
  /**
   * Sends one payload (an object is JSON-encoded; a string or Buffer goes as is, for malformed
   * bodies). Resolves with the final HTTP status of each copy sent.
   */
  deliver(payload: unknown, options?: DeliverOptions): Promise<number[]>
  /** Sends several payloads one after another in the chosen order; statuses in sending order. */
  deliverAll(payloads: readonly unknown[], options?: DeliverAllOptions): Promise<number[][]>
  /** Every attempt so far, oldest first. */
  readonly log: readonly DeliveryAttempt[]
}

const LOG_LIMIT = 5000

function bodyOf(payload: unknown): string | Buffer {
  return typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload)
}

function ordered<T>(items: readonly T[], order: DeliverAllOptions['order']): T[] {
  if (order === undefined || order === 'given') return [...items]
  if (order === 'reverse') return [...items].reverse()
  if (order.length !== items.length || new Set(order).size !== items.length)
    throw new Error('order must be a permutation of the payload indexes')
  return order.map((index) => {
    const item = items[index]
    if (item === undefined) throw new Error(`order names index ${index}, out of range`)
    return item
  })
}

export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const logger = options.logger ?? silentLogger
  const log: DeliveryAttempt[] = []
  const attempts = Math.max(1, options.retry?.attempts ?? 1)
  let url = options.url

  function headersFor(body: string | Buffer, mode: SignatureMode): Record<string, string> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'facebookexternalua'
    }
    if (mode === 'none') return headers
    const secret = mode === 'wrong' ? `${options.appSecret}-not` : options.appSecret
    headers['x-hub-signature'] = signatureSha1(body, secret)
    headers['x-hub-signature-256'] = signatureSha256(body, secret)
    return headers
  }

  async function attempt(body: string | Buffer, headers: Record<string, string>): Promise<number> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000)
      })
      // Drain the body so the connection is released.
      await response.arrayBuffer()
      return response.status
    } catch (error) {
      logger.warn('webhook delivery got no answer', { url, error })
      return 0
    }
  }

  async function sendCopy(body: string | Buffer, mode: SignatureMode): Promise<number> {
    const headers = headersFor(body, mode)
    let status = 0
    for (let n = 1; n <= attempts; n++) {
      if (n > 1 && options.retry) await sleep(options.retry.delayMs)
      status = await attempt(body, headers)
      log.push({
        body: body.toString(),
        status,
        signature: headers['x-hub-signature-256'],
        attempt: n,
        at: Date.now()
      })
      // Bounded like the Graph request log, for long simulator runs.
      if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT)
      logger.debug('webhook delivered', { status, attempt: n })
      if (status >= 200 && status < 300) break
    }
    return status
  }

  async function deliver(payload: unknown, deliverOptions: DeliverOptions = {}): Promise<number[]> {
    if (deliverOptions.delayMs) await sleep(deliverOptions.delayMs)
    const body = bodyOf(payload)
    const mode = deliverOptions.signature ?? options.signature ?? 'valid'
    const statuses: number[] = []
    for (let copy = 0; copy <= (deliverOptions.duplicate ?? 0); copy++)
      statuses.push(await sendCopy(body, mode))
    return statuses
  }

  return {
    ...deliveryBuilders(options.pageId),
    get url() {
      return url
    },
    setUrl(next: string) {
      url = next
    },
    sign: (body) => signatureSha256(body, options.appSecret),
    deliver,
    async deliverAll(payloads, allOptions = {}) {
      const { order, ...each } = allOptions
      const results: number[][] = []
      for (const payload of ordered(payloads, order)) results.push(await deliver(payload, each))
      return results
    },
    log
  }
}
