/**
 * The service's own failures in English, from their part of the catalogue only (errors.service):
 * what the windows' transport needs, so a window does not bundle every English sentence of main's
 * (words-english.ts reads the whole errors area, for main).
 */
import service from './i18n/en/errors-service'
import { formatMessage, type MessageParams } from './i18n/format-message'
import { ServiceError, type ServiceErrorCode, type ServiceErrorShape } from './service-error'
import type { WordsKey } from './words'

type ServiceKey = keyof typeof service

const serviceWords = (key: ServiceKey, params?: MessageParams) => {
  const wordsKey = `service.${key}` as const satisfies WordsKey
  return params ? { key: wordsKey, params: { ...params } } : { key: wordsKey }
}

/** A service failure as plain data (a reply frame's error): its words with their English. */
export function serviceFailureShape(
  code: ServiceErrorCode,
  key: ServiceKey,
  params?: MessageParams
): ServiceErrorShape {
  return { code, message: formatMessage(service[key], params), words: serviceWords(key, params) }
}

/** A ServiceError for a service failure, its English message beside its words. */
export function serviceError(
  code: ServiceErrorCode,
  key: ServiceKey,
  params?: MessageParams
): ServiceError {
  return new ServiceError(code, formatMessage(service[key], params), serviceWords(key, params))
}
