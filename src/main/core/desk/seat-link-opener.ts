/**
 * Opening a seat's link to its hub for the desk runtime: the secure seat client as the seat
 * core's HubConnection, its state changes logged, and the link's first answer (on, turned away,
 * or not reachable) for the starts that must know it before going on: a headless seat's first
 * start, and joining a hub.
 */
import type { Logger } from '../log'
import { SeatClient, type SeatClientOptions, type SeatLinkStatus } from '../seat-link/seat-client'
import { hubLinkStatusOf, SeatHubConnection } from '../seat-link/seat-hub-connection'
import { saveHubAddress } from '../seat-link/link-key-files'
import { hubUnreachableWords } from '../../../shared/hub-link'
import { words, type Words } from '../../../shared/words'
import { englishLine } from '../../../shared/words-english'

/** What tests tune on the seat client (backoff, timers, versions); the rest the runtime gives. */
export type SeatClientTuning = Omit<
  SeatClientOptions,
  'hubUrl' | 'dataDir' | 'pairingCode' | 'logger'
>

export interface OpenSeatLinkOptions {
  hubUrl: string
  dataDir: string
  /** The one-time code or whole invitation, for a desk that is not paired yet. */
  pairingCode?: string | undefined
  logger: Logger
  tuning?: SeatClientTuning | undefined
}

export interface OpenedSeatLink {
  readonly client: SeatClient
  readonly hub: SeatHubConnection
  /** The link's first answer: resolves once it is no longer `connecting`. */
  readonly first: Promise<SeatLinkStatus>
}

/** Starts connecting now; the link keeps retrying a hub it cannot reach until closed. */
export function openSeatLink(options: OpenSeatLinkOptions): OpenedSeatLink {
  const { hubUrl, dataDir, pairingCode, logger } = options
  const log = logger.child('hub-link')
  const client = new SeatClient({
    ...options.tuning,
    hubUrl,
    dataDir,
    pairingCode,
    logger,
    // The hub moved (its tunnel got another subdomain): the next start must look for it there.
    // Before the pin exists (a join still pairing) there is nothing to keep it with: the join
    // saves the address it reached.
    onHubUrl: (url) => {
      saveHubAddress(dataDir, url).catch((error: unknown) =>
        log.warn('could not keep the hub’s new address', { error: String(error) })
      )
    }
  })
  const hub = new SeatHubConnection(client, hubUrl)
  client.onStatus((status) => {
    if (status.state === 'online') log.info('online with the hub', { hub: hub.hubName })
    else if (status.state === 'refused') log.error('the hub refused this desk', status)
    else if (status.state === 'offline') log.warn('hub offline', { reason: status.reason })
  })
  // Heard before the start, which says `connecting` at once.
  const first = new Promise<SeatLinkStatus>((resolve) => {
    const off = client.onStatus((status) => {
      if (status.state === 'connecting') return
      off()
      resolve(status)
    })
  })
  client.start()
  return { client, hub, first }
}

/**
 * What a first answer that is not `online` says, as the hub (or the network) gave it: words where
 * this app has them, the link's own reason as it came.
 */
export function firstAnswerWords(status: SeatLinkStatus): Words | string {
  const link = hubLinkStatusOf(status)
  // "The hub could not be reached (...)" says it already, without "The hub is offline: ".
  if (link.state === 'offline') return link.reason.replace(/\.?$/, '.')
  if (link.state === 'refused' && link.words)
    return words('hubLine.refused', { refusal: link.words })
  const said = hubUnreachableWords(link)
  return typeof said === 'string' ? said.replace(/\.?$/, '.') : said
}

export function firstAnswerSentence(status: SeatLinkStatus): string {
  return englishLine(firstAnswerWords(status))
}
