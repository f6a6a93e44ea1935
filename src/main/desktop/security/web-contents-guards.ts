/**
 * Guards every webContents the app ever creates (Electron security checklist items 12-14): no
 * navigation away from our pages, no redirects, no <webview>, and no new windows. A link the user
 * clicks goes to the system browser through safeOpenURL instead of loading inside the app.
 */
import type {
  Event,
  HandlerDetails,
  WebContentsWillNavigateEventParams,
  WebContentsWillRedirectEventParams,
  WindowOpenHandlerResponse
} from 'electron'
import type { Logger } from '../../core/log'

export interface GuardedWebContents {
  on(
    event: 'will-navigate',
    listener: (event: Event<WebContentsWillNavigateEventParams>) => void
  ): unknown
  on(
    event: 'will-redirect',
    listener: (event: Event<WebContentsWillRedirectEventParams>) => void
  ): unknown
  on(event: 'will-attach-webview', listener: (event: Event) => void): unknown
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void
}

export interface GuardDeps {
  isOwnPage: (url: string) => boolean
  /** safeOpenURL, bound to the shell: it decides which links may leave. */
  openExternal: (url: string) => boolean
  log: Logger
}

export function guardWebContents(contents: GuardedWebContents, deps: GuardDeps): void {
  contents.on('will-navigate', (event) => {
    // A reload, or the dev server's full reload, stays on our own pages and is left alone.
    if (deps.isOwnPage(event.url)) return
    event.preventDefault()
    if (event.isMainFrame) deps.openExternal(event.url)
  })
  contents.on('will-redirect', (event) => {
    if (deps.isOwnPage(event.url)) return
    event.preventDefault()
    deps.log.warn('blocked a redirect away from the app')
  })
  // The app uses no <webview>; one attaching means content the app did not write is running.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    deps.log.warn('blocked a <webview>')
  })
  contents.setWindowOpenHandler(({ url }) => {
    deps.openExternal(url)
    return { action: 'deny' }
  })
}
