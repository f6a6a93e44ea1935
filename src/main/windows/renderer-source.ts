/**
 * Where our pages come from, and the test of "is this URL one of ours" that the IPC sender checks,
 * the permission handlers, the CSP hook and the navigation guards all share. Production loads two
 * exact files from the app bundle; development loads them from electron-vite's dev server.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

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
  const pages = new Map(
    RENDERER_PAGES.map((page) => [page, pathToFileURL(join(options.rendererDir, `${page}.html`))])
  )
  const own = new Set([...pages.values()].map((url) => url.href))
  return {
    url: (page) => (pages.get(page) as URL).href,
    // A file: origin is every file on the disk, so only the two exact files count as ours.
    isOwnPage: (url) => url !== undefined && own.has(withoutSearch(url)?.href ?? '')
  }
}
