/**
 * Graph's access checks: which token a request carries, whether it is the right kind for the node,
 * and `appsecret_proof` (hex HMAC-SHA256 of the token keyed with the app secret).
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { GraphError } from './graph-error'
import type { Params } from './params'

export type TokenKind = 'page' | 'app'

export interface Credentials {
  pageAccessToken: string
  appId: string
  appSecret: string
  requireAppsecretProof: boolean
  /** Set by `expireToken()`: the Page token still parses but every use gets code 190. */
  pageTokenExpiredAt: Date | undefined
}

/** `Authorization: Bearer <t>` (or Graph's older `OAuth <t>`), else the `access_token` parameter. */
export function readToken(authorization: string | undefined, params: Params): string | undefined {
  const header = /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(authorization ?? '')
  if (header) return header[1]
  const param = params['access_token']
  return typeof param === 'string' && param.length > 0 ? param : undefined
}

export function appsecretProof(token: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(token).digest('hex')
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

const INVALID_TOKEN = 'Invalid OAuth access token - Cannot parse access token'

/** Throws the Graph error Meta would send, or returns when the request may go on. */
export function checkAccess(
  credentials: Credentials,
  expected: TokenKind,
  token: string | undefined,
  params: Params
): void {
  if (token === undefined)
    throw new GraphError({
      code: 190,
      status: 400,
      message: `${INVALID_TOKEN}: an access token is required to request this resource`
    })
  const appToken = `${credentials.appId}|${credentials.appSecret}`
  const kind: TokenKind | undefined =
    token === credentials.pageAccessToken ? 'page' : token === appToken ? 'app' : undefined
  if (kind === undefined) throw new GraphError({ code: 190, status: 401, message: INVALID_TOKEN })
  if (kind === 'page' && credentials.pageTokenExpiredAt)
    throw new GraphError({
      code: 190,
      subcode: 463,
      status: 401,
      message: `Error validating access token: Session has expired on ${credentials.pageTokenExpiredAt.toUTCString()}. The current time is ${new Date().toUTCString()}.`
    })
  checkProof(credentials, token, params['appsecret_proof'])
  if (expected === 'app' && kind !== 'app')
    throw new GraphError({
      code: 15,
      message: '(#15) This method must be called with an app access_token.'
    })
  if (expected === 'page' && kind !== 'page')
    throw new GraphError({
      code: 190,
      message: '(#190) This method must be called with a Page Access Token'
    })
}

function checkProof(credentials: Credentials, token: string, proof: unknown): void {
  if (proof === undefined || proof === '') {
    if (!credentials.requireAppsecretProof) return
    throw new GraphError({
      code: 100,
      type: 'GraphMethodException',
      message: 'API calls from the server require an appsecret_proof argument'
    })
  }
  if (typeof proof !== 'string' || !sameText(proof, appsecretProof(token, credentials.appSecret)))
    throw new GraphError({
      code: 100,
      type: 'GraphMethodException',
      message: 'Invalid appsecret_proof provided in the API argument'
    })
}
