/**
 * Where our pages come from, and the test of "is this URL one of ours" that the IPC sender checks,
 * the permission handlers, the CSP hook and the navigation guards all share. Production loads two
 * exact files from the app bundle; development loads them from electron-vite's dev server.
 */
import { posix, win32 } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const RENDERER_PAGES = ['index', 'toast'] as const
export type RendererPage = (typeof RENDERER_PAGES)[number]

export interface RendererSource {
  url(page: RendererPage): string
  /** True only for our own pages: an exact bundled file, or any page of the dev server. */
  isOwnPage(url: string | undefined): boolean
}

export interface RendererSourceOptions {
  /** ELECTRON_RENDERER_URL, honoured only in an unpackaged run. */
  devServerUrl?: string | undefined
  /** The built renderer folder (out/renderer). */
  rendererDir: string
  /** Whose path rules apply; process.platform unless a test says otherwise. */
  platform?: NodeJS.Platform
}

/** The URL without its query and fragment, or undefined when it does not parse. */
function withoutSearch(raw: string): URL | undefined {
  try {
    const url = new URL(raw)
    url.search = ''
    url.hash = ''
    return url
  } catch {
    return undefined
  }
}

export function createRendererSource(options: RendererSourceOptions): RendererSource {
  const dev = options.devServerUrl ? withoutSearch(options.devServerUrl) : undefined
  if (dev) {
    return {
      url: (page) => new URL(`${page}.html`, dev.origin + '/').href,
      // Vite serves the page at "/" as well as "/index.html", and reloads keep either.
      isOwnPage: (url) => url !== undefined && withoutSearch(url)?.origin === dev.origin
    }
  }
  const windows = (options.platform ?? process.platform) === 'win32'
  const paths = windows ? win32 : posix
  const pages = new Map(
    RENDERER_PAGES.map((page) => [
      page,
      pathToFileURL(paths.join(options.rendererDir, `${page}.html`), { windows })
    ])
  )
  // Compared as file paths, not URL strings: Chromium and Node escape the same path differently
  // (hex case, drive-letter case, which characters get escaped), so a Windows install under
  // "Zoë's Programs" or "#1" would otherwise fail the check and lock the app out of its own IPC.
  // Electron's security checklist ("Validate the sender of all IPC messages", "Limit navigation")
  // asks for an exact own-page test; the path is the exact identity of our two files.
  const comparable = (path: string): string => {
    const normal = paths.normalize(path)
    return windows ? normal.toLowerCase() : normal
  }
  const own = new Set([...pages.values()].map((url) => comparable(fileURLToPath(url, { windows }))))
  const pathOf = (raw: string): string | undefined => {
    const url = withoutSearch(raw)
    if (url?.protocol !== 'file:') return undefined
    try {
      return comparable(fileURLToPath(url, { windows }))
    } catch {
      // An escaped slash, or a host on a platform without UNC paths: never one of our files.
      return undefined
    }
  }
  return {
    url: (page) => (pages.get(page) as URL).href,
    // A file: origin is every file on the disk, so only the two exact files count as ours.
    isOwnPage: (url) => {
      const path = url === undefined ? undefined : pathOf(url)
      return path !== undefined && own.has(path)
    }
  }
}
