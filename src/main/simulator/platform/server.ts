/**
 * The HTTP face of the fake Graph API: body parsing, the request log, injected faults, version and
 * token checks, then the route table. Errors leave as Graph error bodies, like Meta's.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import express, { type NextFunction, type Request, type Response } from 'express'
import { checkAccess, readToken } from './auth'
import type { FaultBook, RecordedRequest } from './faults'
import { GraphError, graphErrorJson, unknownPath, unsupportedRequest } from './graph-error'
import { avatarPng } from './png'
import { collectParams, isRecord, withoutSecrets } from './params'
import { ROUTES, callAction } from './routes'
import type { Route, RouteContext, World } from './world'

export interface ServerParts {
  world: World
  faults: FaultBook
  requests: RecordedRequest[]
  /** Aborted on close, so injected delays do not hold the server open. */
  closing: AbortSignal
}

const REQUEST_LOG_LIMIT = 5000

interface Locals {
  record?: RecordedRequest
}

function sendError(res: Response, error: GraphError): void {
  const body = graphErrorJson(error.spec)
  res.setHeader('x-fb-trace-id', body.error.fbtrace_id)
  if (error.status === 401)
    res.setHeader(
      'WWW-Authenticate',
      `OAuth "Facebook Platform" "invalid_token" "${error.spec.message.replace(/"/g, "'")}"`
    )
  res.status(error.status).json(body)
}

/** Routes for this method and edge; an edge served for other methods gets Graph's "unsupported". */
function findRoute(method: string, nodeId: string, edge: string | null): Route {
  const forEdge = ROUTES.filter((route) => route.edge === edge)
  if (forEdge.length === 0) throw unknownPath(`/${edge ?? ''}`)
  const route = forEdge.find((candidate) => candidate.method === method)
  if (!route) throw unsupportedRequest(method, nodeId)
  return route
}

function checkNode(world: World, route: Route, method: string, nodeId: string): void {
  const ok =
    route.node === 'any' ||
    (route.node === 'page' && (nodeId === world.pageId || nodeId === 'me')) ||
    (route.node === 'app' && nodeId === world.appId)
  if (!ok) throw unsupportedRequest(method, nodeId)
}

function recorder(requests: RecordedRequest[]) {
  return (req: Request, res: Response<unknown, Locals>, next: NextFunction): void => {
    const record: RecordedRequest = {
      method: req.method,
      path: req.path,
      query: withoutSecrets(isRecord(req.query) ? req.query : {}),
      body: undefined,
      action: undefined,
      status: undefined,
      at: Date.now()
    }
    requests.push(record)
    // A simulator left running for hours must not grow without bound; tests never get near this.
    if (requests.length > REQUEST_LOG_LIMIT) requests.splice(0, requests.length - REQUEST_LOG_LIMIT)
    res.locals.record = record
    res.on('finish', () => {
      record.status = res.statusCode
    })
    next()
  }
}

function photos(world: World) {
  return (req: Request, res: Response): void => {
    const file = String(req.params['file'] ?? '')
    const psid = file.endsWith('.png') ? file.slice(0, -4) : undefined
    const profile = psid === undefined ? undefined : world.profiles.get(psid)
    if (psid === undefined || !profile || profile.profile_pic !== undefined) {
      res.status(404).type('text/plain').send('Not found')
      return
    }
    res.type('image/png').setHeader('Cache-Control', 'max-age=1209600')
    res.send(avatarPng(psid))
  }
}

function dispatcher({ world, faults, closing }: ServerParts) {
  return async (req: Request, res: Response<unknown, Locals>): Promise<void> => {
    const version = String(req.params['version'])
    const nodeId = String(req.params['node'])
    const edge = req.params['edge'] === undefined ? null : String(req.params['edge'])
    const params = collectParams(req.query, req.body)
    const action = edge === 'calls' ? callAction(params) : undefined
    if (res.locals.record) {
      res.locals.record.body = isRecord(req.body) ? withoutSecrets(req.body) : req.body
      res.locals.record.action = action
    }
    const facts = { method: req.method, path: req.path, action }
    const wait = faults.delayFor(facts)
    if (wait > 0) await sleep(wait, undefined, { signal: closing })
    const failure = faults.takeFailure(facts)
    if (failure) throw new GraphError(failure)
    if (version !== world.apiVersion)
      throw new GraphError({
        code: 12,
        message: `(#12) Graph API ${version} is not available here: call ${world.apiVersion}`
      })
    const route = findRoute(req.method, nodeId, edge)
    const ctx: RouteContext = { world, params, method: req.method, nodeId }
    const kind = typeof route.token === 'function' ? route.token(ctx) : route.token
    checkAccess(world.credentials, kind, readToken(req.get('authorization'), params), params)
    checkNode(world, route, req.method, nodeId)
    const result = await route.handle(ctx)
    world.logger.debug('graph request served', { method: req.method, path: req.path, action })
    res.status(200).json(result)
  }
}

/** Body parser failures carry a `type`; anything else is a simulator bug answered as code 1. */
function errorHandler(world: World) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    if (res.headersSent || req.socket.destroyed) return
    if (error instanceof GraphError) {
      world.logger.debug('graph error', { path: req.path, code: error.spec.code })
      sendError(res, error)
      return
    }
    const type = isRecord(error) ? error['type'] : undefined
    if (type === 'entity.parse.failed') {
      sendError(
        res,
        new GraphError({ code: 100, message: '(#100) The request body is not valid JSON' })
      )
      return
    }
    if (type === 'entity.too.large') {
      sendError(
        res,
        new GraphError({ code: 100, status: 413, message: '(#100) Request too large' })
      )
      return
    }
    world.logger.error('fake graph failed', { path: req.path, error })
    sendError(
      res,
      new GraphError({ code: 1, status: 500, message: 'An unknown error has occurred.' })
    )
  }
}

export function buildApp(parts: ServerParts): express.Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('etag', false)
  app.use(recorder(parts.requests))
  app.use(express.json({ limit: '1mb' }))
  app.use(express.urlencoded({ extended: false, limit: '1mb' }))
  app.get('/photos/:file', photos(parts.world))
  const dispatch = dispatcher(parts)
  app.all('/:version/:node', dispatch)
  app.all('/:version/:node/:edge', dispatch)
  app.use((req: Request) => {
    throw unknownPath(req.path)
  })
  app.use(errorHandler(parts.world))
  return app
}
