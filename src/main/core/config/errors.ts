/**
 * A configuration value the app cannot run with. The message is meant for the person starting the
 * app: it names the environment variable, setting or file, and says what a good value looks like.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'

  /** One sentence per problem; several bad variables are reported together so one restart fixes all. */
  readonly problems: readonly string[]

  constructor(message: string, problems: readonly string[] = [message]) {
    super(message)
    this.problems = problems
  }
}
