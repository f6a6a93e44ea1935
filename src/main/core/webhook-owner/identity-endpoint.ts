/**
 * The answering side of the identity handshake, served on every desk's webhook listener: a valid,
 * fresh, never-seen request gets this desk's name, Pages and version, signed over the asker's
 * nonce; anything else gets a bare 401 and learns nothing (not even why).
 */
import type { Request, RequestHandler, Response } from 'express'
import type { DeskIdentity } from '../../../shared/webhook-owner'
import { IDENTITY_MAX_SKEW_MS, signIdentityAnswer, verifyIdentityRequest } from './identity'

/** Enough for any honest traffic (one request per desk per look); a flood cannot grow memory. */
const MAX_REMEMBERED_NONCES = 1000

export interface IdentityEndpointOptions {
  /** The app secret as it is now (onboarding may change it). */
  appSecret: () => string
  /** This desk as it is now: the desk name setting, the Page, the version. */
  identity: () => DeskIdentity
  now?: () => number
}

function refuse(res: Response): void {
  res.status(401).set('Cache-Control', 'no-store').end()
}

export function identityEndpoint(options: IdentityEndpointOptions): RequestHandler {
  const now = options.now ?? Date.now
  /** Nonces answered, with when they may be forgotten: a replayed request gets nothing. */
  const seen = new Map<string, number>()
  const forgetOld = (at: number): void => {
    for (const [nonce, until] of seen) if (until < at) seen.delete(nonce)
    // Insertion order is age order: drop the oldest when still full.
    while (seen.size >= MAX_REMEMBERED_NONCES) {
      const oldest = seen.keys().next().value
      if (oldest === undefined) break
      seen.delete(oldest)
    }
  }
  return (req: Request, res: Response): void => {
    const at = now()
    const query = req.query as Record<string, unknown>
    const secret = options.appSecret()
    if (!verifyIdentityRequest(secret, query, at) || seen.has(query.nonce)) return refuse(res)
    forgetOld(at)
    // Kept until its timestamp could no longer pass the freshness check anyway.
    seen.set(query.nonce, Number(query.ts) + IDENTITY_MAX_SKEW_MS)
    res
      .status(200)
      .set('Cache-Control', 'no-store')
      .json(signIdentityAnswer(secret, query.nonce, options.identity()))
  }
}
