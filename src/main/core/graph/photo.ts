/**
 * Downloads the caller's `profile_pic` in main and turns it into a data URL, so the short-lived,
 * signed CDN URL never reaches a UI. The URL comes from Graph, but is still treated as untrusted:
 * no credentials are sent, only raster images are kept, and the size is capped while streaming.
 */

export const DEFAULT_PHOTO_MAX_BYTES = 2 * 1024 * 1024
const DEFAULT_TIMEOUT_MS = 2_500

/** Raster formats only: an SVG could carry script if it were ever opened as a document. */
const IMAGE_TYPE = /^image\/(jpeg|jpg|pjpeg|png|gif|webp|avif)$/

export interface PhotoOptions {
  timeoutMs?: number | undefined
  maxBytes?: number | undefined
  /** Plain http is only for a local simulator; Meta's CDN is always https. */
  allowHttp?: boolean | undefined
  signal?: AbortSignal | undefined
}

/** Why a photo was skipped; the message never holds the URL (it is signed and personal). */
export class PhotoError extends Error {
  override readonly name = 'PhotoError'
}

/** https only, or plain http where the Graph host itself is http (the simulator). */
export function photoSchemeAllowed(protocol: string, allowHttp: boolean | undefined): boolean {
  return protocol === 'https:' || (allowHttp === true && protocol === 'http:')
}

export async function fetchPhotoDataUrl(url: string, options: PhotoOptions = {}): Promise<string> {
  const maxBytes = options.maxBytes ?? DEFAULT_PHOTO_MAX_BYTES
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new PhotoError('profile_pic is not a URL')
  }
  const allowed = (protocol: string): boolean => photoSchemeAllowed(protocol, options.allowHttp)
  if (!allowed(parsed.protocol)) {
    throw new PhotoError(`profile_pic scheme ${parsed.protocol} not allowed`)
  }

  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS)
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout
  let response: Response
  try {
    // No Authorization header and no cookies: the CDN needs neither, and the token stays with Graph.
    response = await fetch(parsed, { signal, redirect: 'follow', credentials: 'omit' })
  } catch (thrown) {
    throw new PhotoError(`photo download failed (${errorName(thrown)}) from ${parsed.host}`)
  }
  // A CDN may redirect; it may not take the download off https on the way.
  if (response.url && !allowed(new URL(response.url).protocol)) {
    await response.body?.cancel()
    throw new PhotoError(`photo was redirected to a ${new URL(response.url).protocol} address`)
  }
  if (!response.ok) {
    await response.body?.cancel()
    throw new PhotoError(`photo download got HTTP ${response.status} from ${parsed.host}`)
  }
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (!IMAGE_TYPE.test(type)) {
    await response.body?.cancel()
    throw new PhotoError(`photo has content type "${type.slice(0, 60)}", not a raster image`)
  }
  const declared = Number(response.headers.get('content-length') ?? NaN)
  if (declared > maxBytes) {
    await response.body?.cancel()
    throw new PhotoError(`photo is ${declared} bytes, over the ${maxBytes} byte cap`)
  }
  const bytes = await readCapped(response, maxBytes, signal)
  if (bytes.length === 0) throw new PhotoError('photo is empty')
  const mime = type === 'image/jpg' || type === 'image/pjpeg' ? 'image/jpeg' : type
  return `data:${mime};base64,${bytes.toString('base64')}`
}

/** Reads the body but stops (and cancels the download) as soon as it passes the cap. */
async function readCapped(
  response: Response,
  maxBytes: number,
  signal: AbortSignal
): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0)
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > maxBytes) {
        await reader.cancel()
        throw new PhotoError(`photo is over the ${maxBytes} byte cap`)
      }
      chunks.push(value)
    }
  } catch (thrown) {
    if (thrown instanceof PhotoError) throw thrown
    throw new PhotoError(
      `photo download broke off (${signal.aborted ? 'timeout' : errorName(thrown)})`
    )
  }
  return Buffer.concat(chunks)
}

function errorName(thrown: unknown): string {
  if (!(thrown instanceof Error)) return 'error'
  const code =
    thrown.cause instanceof Error ? (thrown.cause as NodeJS.ErrnoException).code : undefined
  return code ?? thrown.name
}
