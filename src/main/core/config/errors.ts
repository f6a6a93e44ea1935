/**
 * A configuration value the app cannot run with. The message is meant for the person starting the
 * app: it names the environment variable, setting or file, and says what a good value looks like.
 */
import { ServiceError, type ServiceErrorCode } from '../../../shared/service-error'
import type { Words } from '../../../shared/words'
import { englishWords } from '../../../shared/words-english'

export class ConfigError extends Error {
  override readonly name = 'ConfigError'

  /** One sentence per problem; several bad variables are reported together so one restart fixes all. */
  readonly problems: readonly string[]

  constructor(
    message: string,
    problems: readonly string[] = [message],
    /** The sentence as words, where a window may show it (a settings file, the secrets file). */
    readonly words?: Words
  ) {
    super(message)
    this.problems = problems
  }

  /** A problem a window may show: its English message, made from its words. */
  static of(said: Words): ConfigError {
    return new ConfigError(englishWords(said), undefined, said)
  }
}

/** A ConfigError as a command's failure: its words when it has them, else its message. */
export function configFailure(code: ServiceErrorCode, error: ConfigError): ServiceError {
  return new ServiceError(code, error.message, error.words)
}
