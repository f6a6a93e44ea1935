/**
 * The loopback HTTP server that carries the UI bridge (and, in browser mode, will serve the built
 * renderer). It binds to 127.0.0.1 only and writes where it is, with its token, to a file readable
 * only by the user, so local tools such as `npm run sim` can find it without the token ever being
 * printed to a shared log.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { BRIDGE_PATH, BRIDGE_TOKEN_PARAM } from '../../../shared/command-protocol'
import { listenNamingPort } from '../config/port-in-use'
import { writeFileAtomic } from '../shared/atomic-write'
import { PRIVATE_FILE_MODE } from '../config/private-files'
import type { Logger } from '../log'
import type { SoftphoneService } from '../service/softphone-service'
import { staticFiles } from './static-files'
import { attachBridge, generateBridgeToken, type Bridge } from './ws-bridge'

export const BRIDGE_INFO_FILE = 'bridge.json'
/** Fixed so a browser bookmark and the simulator find the app again after a restart. */
export const DEFAULT_UI_PORT = 47801

export interface BridgeInfo {
  port: number
  token: string
  url: string
  /** Browser mode only: the page to open, token included. */
  pageUrl?: string | undefined
}

export interface UiServer {
  readonly info: BridgeInfo
  readonly bridge: Bridge
  close(): Promise<void>
}

export interface UiServerOptions {
  service: Pick<SoftphoneService, 'attach' | 'dispatch'>
  port?: number | undefined
  token?: string | undefined
  dataDir: string
  /** Browser mode: the built renderer to serve (out/renderer). */
  staticDir?: string | undefined
  logger: Logger
}

export function bridgeUrl(port: number, token: string): string {
  return `ws://127.0.0.1:${port}${BRIDGE_PATH}?${BRIDGE_TOKEN_PARAM}=${encodeURIComponent(token)}`
}

export async function startUiServer(options: UiServerOptions): Promise<UiServer> {
  const token = options.token ?? generateBridgeToken()
  const serveStatic = options.staticDir ? staticFiles(options.staticDir) : undefined
  const server: Server = createServer((request, response) => {
    const notFound = (): void => {
      if (!response.headersSent) response.writeHead(404, { 'content-type': 'text/plain' })
      response.end('Not found')
    }
    if (!serveStatic) return notFound()
    serveStatic(request, response).then((served) => served || notFound(), notFound)
  })
  const wanted = options.port ?? DEFAULT_UI_PORT
  await listenNamingPort(
    wanted,
    'SOFTPHONE_UI_PORT',
    () =>
      new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(wanted, '127.0.0.1', () => resolve())
      })
  )
  const port = (server.address() as AddressInfo).port
  const bridge = attachBridge({
    server,
    service: options.service,
    token,
    allowedOrigins: () => [`http://127.0.0.1:${port}`, `http://localhost:${port}`],
    logger: options.logger
  })
  const info: BridgeInfo = {
    port,
    token,
    url: bridgeUrl(port, token),
    pageUrl: options.staticDir
      ? `http://127.0.0.1:${port}/?${BRIDGE_TOKEN_PARAM}=${encodeURIComponent(token)}`
      : undefined
  }
  const infoFile = join(options.dataDir, BRIDGE_INFO_FILE)
  // 0600, and replaced rather than written through: a file (or a symlink) left by an older run
  // keeps neither its mode nor its target.
  await writeFileAtomic(infoFile, `${JSON.stringify(info)}\n`, { mode: PRIVATE_FILE_MODE })
  return {
    info,
    bridge,
    async close() {
      await bridge.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await rm(infoFile, { force: true })
    }
  }
}
