/**
 * How a command fails, on every side of every transport. Zod-free on purpose: the preload and the
 * toast window rebuild these errors and must not carry the contract's schemas to do it.
 */

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

export interface ServiceErrorShape {
  code: ServiceErrorCode
  message: string
}

export class ServiceError extends Error implements ServiceErrorShape {
  override readonly name = 'ServiceError'
  constructor(
    readonly code: ServiceErrorCode,
    message: string
  ) {
    super(message)
  }
}
