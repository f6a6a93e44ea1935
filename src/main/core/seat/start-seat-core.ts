/**
 * The start-up of a seat desk, as core/start-core is the hub's: this desk's own settings, the
 * seat's service over the link to its hub, and (tests) its own loopback UI bridge (the desk
 * runtime, core/desk, serves its windows above the role instead),
 * returned as one disposable that stops them last started first. A seat loads no Page, webhook
 * or tunnel: the hub has them.
 */
import { startUiServer, type UiServer } from '../bridge/ui-server'
import { resolveDataDir, SettingsStore, type Env } from '../config'
import type { Logger } from '../log'
import { Disposables } from '../shared/disposables'
import type { UiBridgeOptions } from '../start-core'
import { CoreStartError } from '../start-core'
import type { HubConnection } from './hub-connection'
import { SeatService, type SeatServiceDeps } from './seat-service'

export type StartSeatCoreOptions = {
  /** Where the desk's settings are (SOFTPHONE_DATA_DIR's default when not given). */
  dataDir?: string | undefined
  env?: Env | undefined
  logger: Logger
  /** The link to the hub, already opening; the seat closes it when it stops. */
  hub: HubConnection
  /** Serve this desk's windows on loopback (browser mode). */
  ui?: UiBridgeOptions | undefined
  forwardTimeoutMs?: number | undefined
} & Pick<SeatServiceDeps, 'pastHistory' | 'leave'>

export interface StartedSeatCore {
  readonly service: SeatService
  readonly settings: SettingsStore
  readonly hub: HubConnection
  readonly dataDir: string
  readonly ui: UiServer | undefined
  /** Stops the UI bridge, the service and the link; resolves true when all stopped cleanly. */
  dispose(): Promise<boolean>
}

export async function startSeatCore(options: StartSeatCoreOptions): Promise<StartedSeatCore> {
  const { logger, hub } = options
  const stops = new Disposables(logger.child('stop'))
  stops.add('hub link', () => hub.close())
  const step = async <T>(doing: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run()
    } catch (error) {
      await stops.dispose()
      throw new CoreStartError(doing, error)
    }
  }

  const dataDir = resolveDataDir(options.dataDir, options.env)
  const settings = await step('read the settings', () =>
    SettingsStore.open(dataDir, logger.child('config'))
  )
  const service = new SeatService({
    hub,
    settings,
    logger,
    forwardTimeoutMs: options.forwardTimeoutMs,
    pastHistory: options.pastHistory,
    leave: options.leave
  })
  stops.add('seat service', () => service.dispose())

  let ui: UiServer | undefined
  if (options.ui) {
    const { port, token, staticDir } = options.ui
    ui = await step('start the UI bridge', async () => {
      const server = await startUiServer({ service, port, token, dataDir, staticDir, logger })
      stops.add('UI bridge', () => server.close())
      return server
    })
  }

  return { service, settings, hub, dataDir, ui, dispose: () => stops.dispose() }
}
