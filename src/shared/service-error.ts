/**
 * How a command fails, on every side of every transport. Zod-free on purpose: the preload and the
 * toast window rebuild these errors and must not carry the contract's schemas to do it.
 */

import { isWords, type Words } from './words'

/**
 * Error kinds a command can fail with; `message` is always a sentence the user can act on.
 * `forbidden`: the client's role may not run the command (a seat asking for the hub's Page).
 */
export type ServiceErrorCode =
  | 'invalid-request'
  | 'not-found'
  | 'conflict'
  | 'not-configured'
  | 'forbidden'
  | 'graph'
  | 'internal'

/**
 * `message` is the sentence in English (logs, the command line, older clients); `words` is the
 * same sentence as a code the renderer words in its own language (./words.ts). An error made
 * from something unworded (a settings file's own complaint) has no words.
 */
export interface ServiceErrorShape {
  code: ServiceErrorCode
  message: string
  words?: Words | undefined
}

export class ServiceError extends Error implements ServiceErrorShape {
  override readonly name = 'ServiceError'
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly words?: Words
  ) {
    super(message)
  }
}

const CODES: readonly string[] = [
  'invalid-request',
  'not-found',
  'conflict',
  'not-configured',
  'forbidden',
  'graph',
  'internal'
] satisfies readonly ServiceErrorCode[]

/**
 * A service failure as plain data, for crossing Electron's contextBridge: it copies an Error's
 * message but drops its other fields (the code among them), while a plain object keeps its keys.
 */
export function serviceFailure(error: ServiceErrorShape): ServiceErrorShape {
  const { code, message, words } = error
  return words ? { code, message, words } : { code, message }
}

/** Rebuilds a ServiceError from what crossed the bridge; anything else is returned unchanged. */
export function asServiceError(reason: unknown): unknown {
  if (reason instanceof ServiceError || typeof reason !== 'object' || reason === null) return reason
  const { code, message, words } = reason as Partial<Record<keyof ServiceErrorShape, unknown>>
  if (typeof code !== 'string' || !CODES.includes(code) || typeof message !== 'string')
    return reason
  return new ServiceError(code as ServiceErrorCode, message, isWords(words) ? words : undefined)
}
