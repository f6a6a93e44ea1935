/**
 * `npm run web` (or serve) as a seat: SOFTPHONE_HUB set, this desk rings and answers for the hub
 * at that address over the secure seat link. No webhook listener, tunnel or Page credential: the
 * hub holds them. The first start pairs with SOFTPHONE_PAIRING_CODE; the keys it leaves in the
 * data folder are enough for every later start.
 */
import { ConfigError, resolveDataDir, type Env, type EnvOverrides } from './core/config'
import type { Logger } from './core/log'
import { startSeatCore, type StartedSeatCore } from './core/seat/start-seat-core'
import { loadPinnedHub } from './core/seat-link/link-key-files'
import { SeatClient, type SeatLinkStatus } from './core/seat-link/seat-client'
import { SeatHubConnection } from './core/seat-link/seat-hub-connection'
import type { UiBridgeOptions } from './core/start-core'

export const NOT_PAIRED_SENTENCE =
  'This desk is not paired with its hub yet: set SOFTPHONE_PAIRING_CODE to the code the hub ' +
  'printed for it (npm run hub -- add-desk <name>), once.'

export interface StartHeadlessSeatOptions {
  env: Env
  overrides: EnvOverrides & { hubUrl: string }
  logger: Logger
  ui: UiBridgeOptions
}

/** The link's first answer: on, turned away, or not reachable yet (then it keeps retrying). */
function firstAnswer(client: SeatClient): Promise<SeatLinkStatus> {
  return new Promise((resolve) => {
    const off = client.onStatus((status) => {
      if (status.state === 'connecting') return
      off()
      resolve(status)
    })
  })
}

/**
 * Starts the seat once its hub has answered. A desk with neither a code nor saved keys, or whose
 * code or keys the hub refuses, fails with a ConfigError saying so (exit 2); an unreachable hub
 * is retried in the background while the desk's windows show it offline.
 */
export async function startHeadlessSeat(
  options: StartHeadlessSeatOptions
): Promise<StartedSeatCore> {
  const { env, overrides, logger } = options
  const { hubUrl, pairingCode } = overrides
  const dataDir = resolveDataDir(overrides.dataDir, env)
  if (!pairingCode && !(await loadPinnedHub(dataDir))) throw new ConfigError(NOT_PAIRED_SENTENCE)

  const client = new SeatClient({ hubUrl, dataDir, pairingCode, logger })
  const hub = new SeatHubConnection(client, hubUrl)
  const log = logger.child('hub-link')
  client.onStatus((status) => {
    if (status.state === 'online') log.info('online with the hub', { hub: hub.hubName })
    else if (status.state === 'refused') log.error('the hub refused this desk', status)
    else if (status.state === 'offline') log.warn('hub offline', { reason: status.reason })
  })
  const answered = firstAnswer(client)
  client.start()
  const first = await answered
  if (first.state === 'refused') {
    hub.close()
    throw new ConfigError(`${first.reason}.`.replace(/\.\.$/, '.'))
  }
  return startSeatCore({ dataDir, env, logger, hub, ui: options.ui })
}
