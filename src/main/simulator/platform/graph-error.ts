/**
 * Graph API errors as Meta returns them: `{"error":{message,type,code,error_subcode,fbtrace_id}}`.
 * Routes throw `GraphError`; the server turns it into that body with the spec's HTTP status.
 */
import { newTraceId } from './ids'

export interface GraphErrorSpec {
  code: number
  message: string
  subcode?: number
  /** HTTP status; Graph answers most errors with 400. */
  status?: number
  type?: string
  userTitle?: string
  userMessage?: string
}

export interface GraphErrorJson {
  error: {
    message: string
    type: string
    code: number
    error_subcode?: number
    error_user_title?: string
    error_user_msg?: string
    fbtrace_id: string
  }
}

export class GraphError extends Error {
  override readonly name = 'GraphError'
  constructor(readonly spec: GraphErrorSpec) {
    super(spec.message)
  }

  get status(): number {
    return this.spec.status ?? 400
  }
}

export function graphErrorJson(spec: GraphErrorSpec, traceId = newTraceId()): GraphErrorJson {
  return {
    error: {
      message: spec.message,
      type: spec.type ?? 'OAuthException',
      code: spec.code,
      ...(spec.subcode === undefined ? {} : { error_subcode: spec.subcode }),
      ...(spec.userTitle === undefined ? {} : { error_user_title: spec.userTitle }),
      ...(spec.userMessage === undefined ? {} : { error_user_msg: spec.userMessage }),
      fbtrace_id: traceId
    }
  }
}

/** `(#100)`: a bad or missing parameter, the commonest Graph error. */
export function invalidParam(message: string, subcode?: number): GraphError {
  return new GraphError({
    code: 100,
    message: `(#100) ${message}`,
    ...(subcode === undefined ? {} : { subcode })
  })
}

export function requiredParam(name: string): GraphError {
  return invalidParam(`The parameter ${name} is required`)
}

/** Graph's answer for an id it does not know on a node or edge. */
export function unsupportedRequest(method: string, id: string): GraphError {
  return new GraphError({
    code: 100,
    subcode: 33,
    type: 'GraphMethodException',
    message:
      `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be ` +
      'loaded due to missing permissions, or does not support this operation. Please read the ' +
      'Graph API documentation at https://developers.facebook.com/docs/graph-api'
  })
}

export function unknownPath(component: string): GraphError {
  return new GraphError({ code: 2500, message: `Unknown path components: ${component}` })
}

export function noMatchingUser(): GraphError {
  return invalidParam('No matching user found', 2018001)
}
