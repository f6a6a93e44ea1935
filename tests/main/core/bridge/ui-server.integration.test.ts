/**
 * The loopback UI server of browser mode: the built renderer with the app's CSP, nothing outside
 * its folder, and a bridge file only the user can read.
 */
import { mkdtemp, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  BRIDGE_INFO_FILE,
  startUiServer,
  type UiServer
} from '../../../../src/main/core/bridge/ui-server'
import { memoryLogger } from '../../../../src/main/core/log'
import { CONTENT_SECURITY_POLICY } from '../../../../src/shared/csp'

const service = { attach: () => () => undefined, dispatch: async () => undefined }

/** A raw GET, so a path with ".." reaches the server as written (fetch would normalise it). */
function get(port: number, path: string): Promise<{ status: number; body: string; csp?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body,
          csp: res.headers['content-security-policy'] as string | undefined
        })
      )
    })
    req.on('error', reject)
    req.end()
  })
}

describe('UI server (browser mode)', () => {
  let dir: string
  let ui: UiServer | undefined

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'softphone-ui-'))
    await mkdir(join(dir, 'renderer/assets'), { recursive: true })
    await writeFile(join(dir, 'renderer/index.html'), '<!doctype html><title>app</title>')
    await writeFile(join(dir, 'renderer/assets/app.js'), 'console.log(1)')
    await writeFile(join(dir, 'secrets.json'), '{"pageAccessToken":"EAAsecret"}')
  })

  afterEach(async () => {
    await ui?.close()
    ui = undefined
    await rm(dir, { recursive: true, force: true })
  })

  async function start(): Promise<UiServer> {
    ui = await startUiServer({
      service,
      port: 0,
      token: 'ui-server-test-token-123',
      dataDir: dir,
      staticDir: join(dir, 'renderer'),
      logger: memoryLogger()
    })
    return ui
  }

  it('serves the page and its assets with the app’s Content-Security-Policy', async () => {
    const { info } = await start()
    expect(info.pageUrl).toBe(`http://127.0.0.1:${info.port}/?token=ui-server-test-token-123`)
    const page = await get(info.port, '/?token=x')
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>app</title>')
    expect(page.csp).toBe(CONTENT_SECURITY_POLICY)
    expect((await get(info.port, '/assets/app.js')).status).toBe(200)
  })

  it('serves nothing outside the renderer folder', async () => {
    const { info } = await start()
    for (const path of ['/../secrets.json', '/..%2fsecrets.json', '/%2e%2e/secrets.json']) {
      const res = await get(info.port, path)
      expect(res.status).toBe(404)
      expect(res.body).not.toContain('EAAsecret')
    }
  })

  it('writes the bridge file readable only by the user, even over an older one, and removes it', async () => {
    const file = join(dir, BRIDGE_INFO_FILE)
    await writeFile(file, '{}', { mode: 0o644 })
    const server = await start()
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      port: server.info.port,
      token: 'ui-server-test-token-123'
    })
    await server.close()
    ui = undefined
    await expect(stat(file)).rejects.toThrow()
  })
})
