/**
 * Who is calling: a PSID's name and photo from the Graph API. The photo comes back as a data URL
 * so the UI never loads a Graph URL itself.
 */
import { UserProfile } from '../../../shared/graph'
import { silentLogger, type Logger } from '../log'
import { fetchPhotoDataUrl } from './photo'
import type { GraphTransport } from './transport'

/** The profile GET must leave room for the photo inside the profile cache's ~3 s budget. */
export const DEFAULT_PROFILE_TIMEOUT_MS = 1_500
export const DEFAULT_PHOTO_TIMEOUT_MS = 1_200

export interface GraphProfilesOptions {
  logger?: Logger | undefined
  profileTimeoutMs?: number | undefined
  photoTimeoutMs?: number | undefined
  photoMaxBytes?: number | undefined
}

export interface CallerProfile {
  name?: string | undefined
  /** A `data:image/...;base64,` URL; never the Graph photo URL. */
  photo?: string | undefined
}

export class GraphProfilesApi {
  private readonly log: Logger
  private readonly profileTimeoutMs: number
  private readonly photoTimeoutMs: number
  private readonly photoMaxBytes: number | undefined

  constructor(
    private readonly http: GraphTransport,
    options: GraphProfilesOptions = {}
  ) {
    this.log = options.logger ?? silentLogger
    this.profileTimeoutMs = options.profileTimeoutMs ?? DEFAULT_PROFILE_TIMEOUT_MS
    this.photoTimeoutMs = options.photoTimeoutMs ?? DEFAULT_PHOTO_TIMEOUT_MS
    this.photoMaxBytes = options.photoMaxBytes
  }

  /**
   * Name and photo of a PSID. A failed photo download only drops the photo (logged at debug);
   * a failed profile lookup throws. Use ProfileCache in the ringing path: it never throws or waits.
   */
  async getCallerProfile(
    psid: string,
    options: { signal?: AbortSignal } = {}
  ): Promise<CallerProfile> {
    const auth = this.http.auth('page')
    const profile = await this.http.send({
      auth,
      method: 'GET',
      path: [psid],
      query: { fields: 'first_name,last_name,profile_pic' },
      schema: UserProfile,
      context: 'profile',
      timeoutMs: this.profileTimeoutMs,
      signal: options.signal
    })
    const fullName = [profile.first_name, profile.last_name].filter(Boolean).join(' ').trim()
    const name = fullName || profile.name?.trim() || undefined
    if (!profile.profile_pic) return { name }
    try {
      const photo = await fetchPhotoDataUrl(profile.profile_pic, {
        timeoutMs: this.photoTimeoutMs,
        maxBytes: this.photoMaxBytes,
        allowHttp: this.http.host.startsWith('http:'),
        signal: options.signal
      })
      return { name, photo }
    } catch (error) {
      this.log.debug('caller photo skipped', {
        reason: error instanceof Error ? error.message : 'unknown'
      })
      return { name }
    }
  }
}
