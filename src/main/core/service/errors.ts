import { ServiceError } from '../../../shared/api'
import { INTERNAL_FAILURE } from '../../../shared/command-protocol'

/** Anything that can turn itself into a sentence for the user (Graph errors, registry refusals). */
interface Explainable {
  toServiceError(): ServiceError
}

function isExplainable(error: unknown): error is Explainable {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as Partial<Explainable>).toServiceError === 'function'
  )
}

/**
 * Every failure leaves the service as a `ServiceError` with a sentence the user can act on. An
 * unexpected error never leaks its message (it could hold a path or a secret): the user gets a
 * generic sentence and the log keeps the detail.
 */
export function toServiceError(error: unknown): ServiceError {
  if (error instanceof ServiceError) return error
  if (isExplainable(error)) return error.toServiceError()
  return new ServiceError(INTERNAL_FAILURE.code, INTERNAL_FAILURE.message, INTERNAL_FAILURE.words)
}
