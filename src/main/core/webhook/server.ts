/**
 * The local listener Meta's webhook deliveries reach (through the tunnel), bound to loopback only.
 * A POST is believed only after its signature checks out over the exact bytes received. With a
 * journal, the delivery is then appended to it and the 200 waits for the fsync that covers it
 * (grouped with the other deliveries of a burst): a 200 means "kept", even through a kill -9.
 * It is unpacked afterwards, because Meta retries (and may eventually disable the subscription)
 * when the 200 is slow.
 */
import express from 'express'
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express'
import { unpackDelivery } from '../../../shared/webhook'
import type { DeliveryEnvelope, WebhookEvent } from '../../../shared/webhook'
import { registerSecret } from '../log'
import type { Logger } from '../log'
import { parseDelivery } from './delivery'
import { createEventQueue } from './event-queue'
import { checkHandshake } from './handshake'
import type { HandshakeFailure } from './handshake'
import { createLoopbackListener, type ListenerTimeouts, type UpgradeHandler } from './listener'
import { readRawBody } from './raw-body'
import { verifySignature } from './signature'

export const DEFAULT_WEBHOOK_PATH = '/webhook'
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024
export const SIGNATURE_HEADER = 'x-hub-signature-256'

/** Plain path segments only: the path goes to Express's router, where `:`, `*` and `{` mean patterns. */
const SAFE_PATH = /^(\/[A-Za-z0-9._~-]+)+$/
const ACK_BODY = 'EVENT_RECEIVED'
const ACK_HEADERS = {
  'content-type': 'text/plain; charset=utf-8',
  'content-length': String(Buffer.byteLength(ACK_BODY))
}

export interface DeliveryMeta {
  /** When the delivery was acknowledged, ms since the epoch. */
  receivedAt: number
  /** The delivery's place in the journal, when there is one. */
  seq?: number | undefined
}

/** Where verified deliveries are kept before their 200 (see core/journal). */
export interface WebhookJournal {
  /** Resolves with the delivery's sequence number once it is on disk; rejects if it is not. */
  append(raw: Buffer, envelope: DeliveryEnvelope, receivedAt: number): Promise<number>
}

export type EventsConsumer = (events: WebhookEvent[], meta: DeliveryMeta) => void | Promise<void>

export interface VerificationInfo {
  ok: boolean
  /** ms since the epoch */
  at: number
  /** Why a handshake failed; absent when it succeeded. */
  reason?: HandshakeFailure | undefined
}

export interface WebhookSecrets {
  appSecret: string
  verifyToken: string
}

export interface WebhookServerOptions extends WebhookSecrets {
  /** Where Meta delivers, e.g. '/webhook'. Plain segments only. */
  path?: string
  bodyLimitBytes?: number
  logger: Logger
  /** Called once per delivery that held at least one event, strictly in arrival order. */
  onEvents: EventsConsumer
  /** Without one, a delivery is acknowledged as soon as it is verified (tests, the benchmark). */
  journal?: WebhookJournal | undefined
  /** Called for every handshake attempt, so onboarding can tell one really came through. */
  onVerification?: (info: VerificationInfo) => void
  /** The listener's limits on slow requests; tests scale them down. */
  listenerTimeouts?: ListenerTimeouts | undefined
  /** `GET /softphone/hub`: who this desk is, for desks of the same app (core/webhook-owner). */
  identity?: { path: string; handler: RequestHandler } | undefined
}

export interface WebhookServer {
  /** The Express app, for tests that want to drive it without a socket. */
  readonly app: Express
  readonly path: string
  /** Binds to loopback only; `host` must be a loopback name or address. */
  listen(port: number, host?: string): Promise<{ port: number; url: string }>
  /** Stops listening and closes every connection, keep-alive ones included. Idempotent. */
  close(): Promise<void>
  /** Swaps the app secret and/or verify token (onboarding); applies to the next request. */
  update(secrets: Partial<WebhookSecrets>): void
  /** Settles when every acknowledged delivery has been handed to the consumer and it finished. */
  drained(): Promise<void>
  /**
   * Hands WebSocket upgrades on `path` (beside the webhook's, so one tunnel carries both) to
   * `handler`; an upgrade on any other path is answered 404. Returns the function that stops it.
   */
  serveUpgrades(path: string, handler: UpgradeHandler): () => void
}

function sendError(res: Response, status: number, error: string): void {
  res.status(status).json({ error })
}

export function createWebhookServer(options: WebhookServerOptions): WebhookServer {
  const path = options.path ?? DEFAULT_WEBHOOK_PATH
  if (!SAFE_PATH.test(path)) throw new Error(`Invalid webhook path: ${path}`)
  const bodyLimit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES
  if (!Number.isInteger(bodyLimit) || bodyLimit <= 0) {
    throw new Error(`Invalid body limit: ${bodyLimit}`)
  }
  const logger = options.logger
  const secrets: WebhookSecrets = { appSecret: '', verifyToken: '' }
  const update = (next: Partial<WebhookSecrets>): void => {
    if (next.appSecret !== undefined) secrets.appSecret = next.appSecret
    if (next.verifyToken !== undefined) secrets.verifyToken = next.verifyToken
    registerSecret(next.appSecret)
    registerSecret(next.verifyToken)
  }
  update(options)
  const queue = createEventQueue(logger)

  const dispatch = (envelope: DeliveryEnvelope, meta: DeliveryMeta): void | Promise<void> => {
    const { events, dropped } = unpackDelivery(envelope)
    for (const item of dropped) {
      logger.warn('dropped webhook item', { where: item.where, reason: item.reason.slice(0, 300) })
    }
    logger.debug('webhook delivery', {
      entries: envelope.entry.length,
      events: events.length,
      dropped: dropped.length
    })
    if (events.length > 0) return options.onEvents(events, meta)
  }

  const handshake = (req: Request, res: Response): void => {
    const query = new URL(req.originalUrl, 'http://localhost').searchParams
    const result = checkHandshake(query, secrets.verifyToken)
    const info: VerificationInfo = result.ok
      ? { ok: true, at: Date.now() }
      : { ok: false, at: Date.now(), reason: result.reason }
    if (result.ok) {
      logger.info('webhook verification handshake accepted')
      res.status(200).type('text/plain').send(result.challenge)
    } else {
      logger.warn('webhook verification handshake refused', { reason: result.reason })
      sendError(res, 403, 'forbidden')
    }
    try {
      options.onVerification?.(info)
    } catch (error) {
      logger.error('onVerification callback failed', { error })
    }
  }

  const delivery = async (req: Request, res: Response): Promise<void> => {
    // Without a signature nothing can make the body believable: refuse before reading any of it.
    if (typeof req.headers[SIGNATURE_HEADER] !== 'string') {
      logger.warn('webhook delivery refused', { reason: 'signature-missing' })
      res.set('Connection', 'close')
      return sendError(res, 401, 'unauthorized')
    }
    const body = await readRawBody(req, bodyLimit)
    if (!body.ok) {
      if (body.reason === 'aborted') return
      logger.warn('webhook delivery refused', { reason: 'too-large', limit: bodyLimit })
      // The rest of an oversized upload is not worth reading: close instead of draining it.
      res.set('Connection', 'close')
      return sendError(res, 413, 'payload too large')
    }
    const header = req.headers[SIGNATURE_HEADER]
    if (
      !verifySignature(
        body.body,
        typeof header === 'string' ? header : undefined,
        secrets.appSecret
      )
    ) {
      logger.warn('webhook delivery refused', { reason: 'signature-mismatch' })
      return sendError(res, 401, 'unauthorized')
    }
    const parsed = parseDelivery(body.body)
    if (!parsed.ok) {
      logger.warn('webhook delivery refused', { reason: parsed.reason })
      return sendError(res, 400, 'bad request')
    }
    const receivedAt = Date.now()
    let seq: number | undefined
    if (options.journal) {
      try {
        seq = await options.journal.append(body.body, parsed.envelope, receivedAt)
      } catch (error) {
        // Not kept, so not acknowledged: Meta sends it again.
        logger.error('could not keep a webhook delivery', { error: String(error) })
        return sendError(res, 503, 'unavailable')
      }
    }
    // Plain Node rather than res.send(): this is the hot path, and Express's content negotiation
    // and freshness checks cost more than the signature check (see bench/webhook.ts).
    res.writeHead(200, ACK_HEADERS).end(ACK_BODY)
    queue.push(() => dispatch(parsed.envelope, { receivedAt, seq }))
  }

  const app = express()
  app.disable('x-powered-by')
  app.set('etag', false)
  if (options.identity) app.get(options.identity.path, options.identity.handler)
  app.get(path, handshake)
  app.post(path, delivery)
  app.all(path, (_req, res) => {
    res.set('Allow', 'GET, HEAD, POST')
    sendError(res, 405, 'method not allowed')
  })
  app.use((_req, res) => sendError(res, 404, 'not found'))
  // Express needs all four parameters to recognise an error handler.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = httpStatusOf(error)
    if (status >= 500) logger.error('webhook request failed', { error })
    if (res.headersSent) return void res.destroy()
    sendError(res, status, status >= 500 ? 'internal error' : 'bad request')
  })

  const upgrades = new Map<string, UpgradeHandler>()
  const onUpgrade: UpgradeHandler = (request, socket, head) => {
    const handler = upgrades.get(new URL(request.url ?? '/', 'http://localhost').pathname)
    if (handler) return handler(request, socket, head)
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  }
  const listener = createLoopbackListener(app, logger, options.listenerTimeouts, onUpgrade)
  const listen = async (port: number, host?: string): Promise<{ port: number; url: string }> => {
    const bound = await listener.listen(port, host)
    const url = `${bound.baseUrl}${path}`
    logger.info('webhook listening', { url })
    return { port: bound.port, url }
  }

  return {
    app,
    path,
    listen,
    close: listener.close,
    update,
    drained: () => queue.drained(),
    serveUpgrades(upgradePath, handler) {
      if (!SAFE_PATH.test(upgradePath) || upgradePath === path) {
        throw new Error(`Invalid upgrade path: ${upgradePath}`)
      }
      upgrades.set(upgradePath, handler)
      return () => {
        if (upgrades.get(upgradePath) === handler) upgrades.delete(upgradePath)
      }
    }
  }
}

function httpStatusOf(error: unknown): number {
  if (typeof error === 'object' && error !== null) {
    const status = (error as { status?: unknown }).status
    if (typeof status === 'number' && status >= 400 && status < 600) return status
  }
  return 500
}
