/**
 * The ICE servers of calls, and the TURN password behind them. The servers (the TURN password
 * among them) go only to the client setting up a call's media, in the reply to its own request for
 * that call: a call it may answer (ringing, or answered by its desk) or a customer it may call back.
 * A password saved for one TURN server never goes to another: changing the server's address
 * forgets it, so a client that can edit settings cannot point the password at a server of its own.
 */
import type { IceServer, IceServers, TurnPasswordState } from '../../../shared/ice'
import type { ParsedCommandRequest } from '../../../shared/api'
import type { SecretStore } from '../config/secrets'
import type { Logger } from '../log'
import { tookCall } from './client-views'
import { toServiceError } from './errors'
import type { RegistryPort, SettingsPort } from './ports'
import type { ClientHandle } from './softphone-service'
import { wordedError } from '../../../shared/words-english'

export interface IceServiceDeps {
  registry: Pick<RegistryPort, 'get'>
  settings: Pick<SettingsPort, 'get' | 'onChange'>
  /** Where the TURN password is kept; without it none can be saved (and none is used). */
  secrets?: Pick<SecretStore, 'get' | 'set'> | undefined
  /** Whether this service can call customers back (else a `psid` request is refused). */
  canCallBack: boolean
  logger: Logger
}

export class IceService {
  constructor(private readonly deps: IceServiceDeps) {}

  /** Forgets the TURN password whenever the TURN server's address changes. Returns the stop. */
  guardTurnPassword(): () => void {
    let url = this.deps.settings.get().ice.turn?.url
    return this.deps.settings.onChange((settings) => {
      const next = settings.ice.turn?.url
      if (next === url) return
      url = next
      // Called before the change's reply leaves: a password the same client sends next is kept.
      this.deps.secrets?.set({ turnCredential: null }).then(
        () => this.deps.logger.info('TURN server changed: its saved password was forgotten'),
        (error: unknown) =>
          this.deps.logger.warn('Could not forget the TURN password', { error: String(error) })
      )
    })
  }

  async serversFor(
    request: ParsedCommandRequest<'getIceServers'>,
    client: Pick<ClientHandle, 'id' | 'role' | 'deskName'>
  ): Promise<IceServers> {
    if ('callId' in request) {
      const call = this.deps.registry.get(request.callId)
      if (!call || call.state === 'ended') {
        throw wordedError('not-found', 'service.callEnded')
      }
      if (call.state !== 'ringing' && !tookCall(call, client)) {
        throw wordedError('conflict', 'service.answeredElsewhere')
      }
    } else if (!this.deps.canCallBack) {
      throw wordedError('not-configured', 'service.callBackUnavailable')
    }
    return { iceServers: await this.servers() }
  }

  async turnPassword(password: string | null | undefined): Promise<TurnPasswordState> {
    const secrets = this.deps.secrets
    if (password !== undefined) {
      if (!secrets) {
        throw wordedError('not-configured', 'service.turnPasswordUnavailable')
      }
      // A store that cannot keep it (no keyring) refuses with a sentence the owner can act on.
      await secrets.set({ turnCredential: password }).catch((error: unknown) => {
        throw toServiceError(error)
      })
    }
    return { saved: Boolean((await secrets?.get())?.turnCredential) }
  }

  private async servers(): Promise<IceServer[]> {
    const { ice } = this.deps.settings.get()
    const servers: IceServer[] = ice.stunUrls.map((url) => ({ urls: url }))
    if (ice.turn) {
      const credential = (await this.deps.secrets?.get())?.turnCredential
      // RTCPeerConnection refuses a TURN server without both; an unset password is an empty one.
      servers.push({
        urls: ice.turn.url,
        username: ice.turn.username,
        credential: credential ?? ''
      })
    }
    return servers
  }
}
