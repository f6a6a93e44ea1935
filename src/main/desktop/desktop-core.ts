/**
 * The desktop's core, started through the desk runtime (core/desk: the hub, or a seat of the hub
 * this desk joined, switching in place) with what only the desktop has: the data folder Electron
 * chose, the secret store on safeStorage, the log folder to keep private, the app's version. Its
 * webhook port being taken does not stop the app: the window still opens, and a dialog names the
 * variable.
 */
import { join } from 'node:path'
import { APP_NAME } from './app-identity'
import { PortInUseError, type Env } from '../core/config'
import type { Logger } from '../core/log'
import { startDeskRuntime, type DeskRuntime } from '../core/desk/desk-runtime'
import type { TunnelFactory } from '../core/start-core'
import type { TestCallSimulatorFactory } from '../core/test-line'
import {
  SAFE_SECRETS_FILE,
  SafeStorageSecretStore,
  SecretsNotSavedError
} from './secrets/safe-storage-store'
import type { ShellElectron } from './shell-electron'
import type { Translate } from '../../shared/i18n/translate'

export interface DesktopCoreOptions {
  electron: Pick<ShellElectron<unknown, unknown>, 'app' | 'safeStorage' | 'dialog'>
  platform: NodeJS.Platform
  env: Env
  /** Where the logs go, tightened with the data folder; undefined: nothing to tighten. */
  logDir: string | undefined
  testCallSimulator?: TestCallSimulatorFactory | undefined
  /** The tunnel (default: the live tunnel `npm run serve` runs); tests pass their own. */
  createTunnel?: TunnelFactory | undefined
  logger: Logger
  /** The system's language: the desk's settings are not read yet when its start fails. */
  t: Translate
}

export interface DesktopCore {
  runtime: DeskRuntime
  secrets: SafeStorageSecretStore
}

export async function startDesktopCore(options: DesktopCoreOptions): Promise<DesktopCore> {
  const { electron, logger } = options
  const { app } = electron
  const log = logger.child('shell')
  const dataDir = app.getPath('userData')
  const secrets = new SafeStorageSecretStore({
    safeStorage: electron.safeStorage,
    file: join(dataDir, SAFE_SECRETS_FILE),
    platform: options.platform,
    logger
  })
  // The desktop's windows talk over IPC (desktop-windows), so the runtime serves no UI bridge.
  const runtime = await startDeskRuntime({
    hub: {
      env: options.env,
      logger,
      // userData (SOFTPHONE_DATA_DIR when set, see instance-lock); Chromium's own files keep their modes.
      dataDir,
      privateFolders: options.logDir ? [{ dir: options.logDir }] : [],
      secrets,
      // Without secure storage the token lives for this session; onboarding re-registers it.
      unsavedVerifyTokenOk: (error) => error instanceof SecretsNotSavedError,
      core: { testCallSimulator: options.testCallSimulator, version: app.getVersion() },
      // Another program on the webhook port: the window still opens and the tray says what is wrong.
      onDegraded: (failure) => {
        log.error(`could not ${failure.step}`, { error: failure.cause })
        // Usually a second copy (npm run serve beside the app): the sentence names the variable.
        if (failure.cause instanceof PortInUseError) {
          electron.dialog.showErrorBox(
            options.t('shell.dialog.cannotReceive', { app: APP_NAME }),
            options.t('shell.dialog.portInUse', {
              port: failure.cause.port,
              variable: failure.cause.variable
            })
          )
        }
      },
      tunnel: options.createTunnel ?? true
    }
  })
  return { runtime, secrets }
}
