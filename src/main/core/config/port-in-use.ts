/**
 * A loopback port someone else already holds, said in words: which port, the variable that moves
 * it, and the usual cause (a second copy of the app: `npm run serve`, `npm run web` or the desktop
 * app), instead of Node's "listen EADDRINUSE" and a stack trace.
 */
import { ConfigError } from './errors'
import type { EnvVariable } from './env'

export type PortVariable = Extract<EnvVariable, 'WEBHOOK_PORT' | 'SOFTPHONE_UI_PORT'>

export class PortInUseError extends ConfigError {
  constructor(
    readonly port: number,
    readonly variable: PortVariable
  ) {
    super(
      `Port ${port} (${variable}) is already in use, so another copy of the softphone is probably ` +
        `running: close it, or set ${variable} to a free port.`
    )
  }
}

/** Binds with `listen`, turning "address in use" into a PortInUseError naming `variable`. */
export async function listenNamingPort<T>(
  port: number,
  variable: PortVariable,
  listen: () => Promise<T>
): Promise<T> {
  try {
    return await listen()
  } catch (error) {
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE') {
      throw new PortInUseError(port, variable)
    }
    throw error
  }
}
