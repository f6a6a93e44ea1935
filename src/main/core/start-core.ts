/**
 * The one start-up every composition root runs (`npm run serve`, browser mode, the desktop app and
 * the simulator's rig): configuration -> core -> webhook listener -> tunnel -> UI bridge, each
 * part as the options ask, returned as one disposable that stops them last started first.
 * A failing step stops what had started and rejects with a CoreStartError saying which step.
 */
import { startUiServer, type UiServer } from './bridge/ui-server'
import {
  ConfigError,
  loadConfig,
  type Env,
  type LoadConfigOptions,
  type RuntimeConfig
} from './config'
import type { SecretStore, SettingsStore } from './config'
import type { CoreOptions } from './core-api'
import type { Logger } from './log'
import { liveTunnel, type LiveTunnel } from './settings-effects/live-tunnel'
import { Disposables } from './shared/disposables'
import { createSoftphoneCore, type SoftphoneCore } from './softphone-core'

/** Opens the tunnel for a started core (default: the live tunnel `npm run serve` runs). */
export type TunnelFactory = (
  core: SoftphoneCore,
  config: RuntimeConfig,
  logger: Logger
) => LiveTunnel

const openLiveTunnel: TunnelFactory = (core, config, logger) => liveTunnel(core, config, logger)

export interface UiBridgeOptions {
  /** Default: SOFTPHONE_UI_PORT's default (47801); 0 takes any free port. */
  port?: number | undefined
  token?: string | undefined
  /** Browser mode: the built renderer to serve beside the bridge (out/renderer). */
  staticDir?: string | undefined
}

export interface StartCoreOptions extends Pick<
  LoadConfigOptions,
  'dataDir' | 'privateFolders' | 'unsavedVerifyTokenOk'
> {
  /** The environment the configuration is read from; its values win over the settings. */
  env: Env
  logger: Logger
  /** Where the Page token and app secret are kept; default: secrets.json in the data folder. */
  secrets?: SecretStore | undefined
  /** What the core is given besides its configuration (the test-call simulator, the version...). */
  core?:
    | Pick<
        CoreOptions,
        'testCallSimulator' | 'version' | 'webhookRecheckMs' | 'listenerTimeouts' | 'joinHub'
      >
    | undefined
  /**
   * Given, a webhook listener or a tunnel that cannot start does not stop the start: this hears
   * why (the desktop still opens its window and says so); no tunnel opens without a listener.
   * Not given, either failure fails the start.
   */
  onDegraded?: ((failure: CoreStartError) => void) | undefined
  /** Runs once the listener is up, before the tunnel opens (the rig points its simulator here). */
  onListening?: ((started: ListeningCore) => void | Promise<void>) | undefined
  /** Open the tunnel once listening: true for the live tunnel, or the factory to use. */
  tunnel?: boolean | TunnelFactory | undefined
  /** Serve the UI bridge on loopback (browser mode, the headless core, the rig). */
  ui?: UiBridgeOptions | undefined
}

export interface ListeningCore {
  core: SoftphoneCore
  settings: SettingsStore
  webhookUrl: string
}

export interface StartedCore {
  readonly core: SoftphoneCore
  readonly config: RuntimeConfig
  readonly dataDir: string
  readonly settings: SettingsStore
  readonly secrets: SecretStore
  /** The local webhook URL; undefined when the listener could not start (onDegraded). */
  readonly webhookUrl: string | undefined
  readonly tunnel: LiveTunnel | undefined
  readonly ui: UiServer | undefined
  /**
   * Stops everything started, last started first; a step that fails is logged and the rest still
   * run. Resolves true when every step stopped cleanly. Later calls return the same promise.
   */
  dispose(): Promise<boolean>
}

/**
 * What startCore returns for these options: the UI server is there when it was asked for, and the
 * webhook URL unless a listener failure was allowed (onDegraded).
 */
export type StartedCoreFor<O extends StartCoreOptions> = StartedCore &
  (O extends { ui: UiBridgeOptions } ? { readonly ui: UiServer } : unknown) &
  (O extends { onDegraded: (failure: CoreStartError) => void } ? unknown : { webhookUrl: string })

/**
 * A start step that failed, in words: which step, and why. Errors that already tell the person
 * starting the app what to do (a ConfigError names the variable or file, a taken port says which
 * one) keep their sentence as it is; any other is prefixed with the step.
 */
export class CoreStartError extends Error {
  override readonly name = 'CoreStartError'

  constructor(
    /** What was being done, e.g. "start the UI bridge". */
    readonly step: string,
    override readonly cause: unknown
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    super(cause instanceof ConfigError ? reason : `Could not ${step}: ${reason}`)
  }
}

export async function startCore<O extends StartCoreOptions>(
  options: O
): Promise<StartedCoreFor<O>> {
  const { env, logger } = options
  const stops = new Disposables(logger.child('stop'))
  const step = async <T>(doing: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run()
    } catch (error) {
      await stops.dispose()
      throw new CoreStartError(doing, error)
    }
  }

  const { config, dataDir, settings, secrets } = await step('load the configuration', () =>
    loadConfig({ ...options, logger: logger.child('config') })
  )
  const core = await step('start the core', () =>
    createSoftphoneCore({ ...options.core, config, dataDir, settings, secrets, env, logger })
  )
  // Stopped even when its listener could not start: it holds the history and the registry.
  stops.add('core', () => core.stop())

  // What a degraded core may do without: its failure is reported and the start goes on.
  const optionalStep = async <T>(doing: string, run: () => Promise<T>): Promise<T | undefined> => {
    const { onDegraded } = options
    if (!onDegraded) return step(doing, run)
    try {
      return await run()
    } catch (error) {
      onDegraded(new CoreStartError(doing, error))
      return undefined
    }
  }

  const webhookUrl = await optionalStep(
    'start the webhook listener',
    async () => (await core.start()).webhookUrl
  )
  if (webhookUrl !== undefined && options.onListening) {
    const onListening = options.onListening
    await step('prepare the listening core', async () =>
      onListening({ core, settings, webhookUrl })
    )
  }

  let tunnel: LiveTunnel | undefined
  if (webhookUrl !== undefined && options.tunnel) {
    const open = options.tunnel === true ? openLiveTunnel : options.tunnel
    tunnel = await optionalStep('open the tunnel', async () => {
      const opened = open(core, config, logger)
      stops.add('tunnel', () => opened.stop())
      opened.start()
      return opened
    })
  }

  let ui: UiServer | undefined
  if (options.ui) {
    const { port, token, staticDir } = options.ui
    ui = await step('start the UI bridge', async () => {
      const server = await startUiServer({
        service: core.service,
        port,
        token,
        dataDir,
        staticDir,
        logger
      })
      stops.add('UI bridge', () => server.close())
      return server
    })
  }

  const started: StartedCore = {
    core,
    config,
    dataDir,
    settings,
    secrets,
    webhookUrl,
    tunnel,
    ui,
    dispose: () => stops.dispose()
  }
  // The conditional type cannot follow the options into the branches above, which set both.
  return started as StartedCoreFor<O>
}
