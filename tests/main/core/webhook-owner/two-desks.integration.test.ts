/**
 * Two desks of the same Meta app on loopback, with the simulator as Meta (one callback URL per
 * app, verified by a handshake, as Meta does). Each desk is a real core whose own loopback address
 * is its public URL (own-url mode), so their registrations really overwrite each other at "Meta".
 */
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CoreStatus, EventMessage } from '../../../../src/shared/api'
import { SettingsStore, resolveConfig } from '../../../../src/main/core/config'
import { GraphClient } from '../../../../src/main/core/graph'
import { memoryLogger } from '../../../../src/main/core/log'
import { createSoftphoneCore, type SoftphoneCore } from '../../../../src/main/core/softphone-core'
import { startTunnel, type TunnelRuntime } from '../../../../src/main/core/tunnel'
import { IDENTITY_PATH } from '../../../../src/main/core/webhook-owner'
import { signIdentityRequest } from '../../../../src/main/core/webhook-owner/identity'
import { identityUrl } from '../../../../src/main/core/webhook-owner/ask-owner'
import { LAST_REGISTERED_FILE } from '../../../../src/main/core/webhook-owner/last-registered'
import { createFakeGraph, type FakeGraph } from '../../../../src/main/simulator/platform'

const PAGE_ID = '106378625516323'
const APP_ID = '987654321012345'
const APP_SECRET = 'two-desks-app-secret'
const PAGE_TOKEN = 'EAATwoDesksPageToken0123456789abcdef'
const RECHECK_MS = 200

interface Desk {
  core: SoftphoneCore
  tunnel: TunnelRuntime
  dataDir: string
  logger: ReturnType<typeof memoryLogger>
  callbackUrl: string
  statuses: CoreStatus[]
}

interface DeskOptions {
  pageId?: string
  /** A data folder a desk used before (a restart). */
  dataDir?: string
  recheckMs?: number
}

let graph: FakeGraph
const desks: Desk[] = []
const servers: Server[] = []

beforeEach(async () => {
  graph = await createFakeGraph({
    pageId: PAGE_ID,
    pageName: 'Bakery',
    pageAccessToken: PAGE_TOKEN,
    appId: APP_ID,
    appSecret: APP_SECRET,
    handshakeTimeoutMs: 2000
  })
})

afterEach(async () => {
  for (const desk of desks.splice(0)) {
    desk.tunnel.stop()
    await desk.core.stop()
    await rm(desk.dataDir, { recursive: true, force: true })
  }
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
  await graph.close()
})

/** A desk of the app, named `name`, reachable at its own loopback address. */
async function startDesk(
  name: string,
  { pageId = PAGE_ID, dataDir, recheckMs = RECHECK_MS }: DeskOptions = {}
): Promise<Desk> {
  dataDir ??= await mkdtemp(join(tmpdir(), 'softphone-desk-'))
  const logger = memoryLogger('info')
  const settings = await SettingsStore.open(dataDir, logger)
  await settings.update({ desk: { name } })
  const config = resolveConfig({
    settings: settings.get(),
    secrets: {},
    env: {
      FB_PAGE_ID: pageId,
      FB_PAGE_ACCESS_TOKEN: PAGE_TOKEN,
      FB_APP_ID: APP_ID,
      FB_APP_SECRET: APP_SECRET,
      FB_VERIFY_TOKEN: `verify-${name.replace(/\W/g, '')}`,
      GRAPH_API_URL: graph.url,
      WEBHOOK_PORT: '0'
    }
  })
  const core = await createSoftphoneCore({
    config,
    dataDir,
    settings,
    logger,
    version: '9.9.9',
    webhookRecheckMs: recheckMs
  })
  const { webhookUrl } = await core.start()
  const statuses: CoreStatus[] = []
  core.service.attach({
    id: `ui-${name}`,
    send: (message: EventMessage) => {
      if (message.event === 'status') statuses.push(message.payload)
    }
  })
  const publicUrl = new URL(webhookUrl).origin
  const tunnel = startTunnel(
    core,
    { ...config, tunnel: { ...config.tunnel, mode: 'own-url', publicUrl } },
    logger,
    { registrationBackoff: { initialMs: 50, maxMs: 200, factor: 2, jitter: 0 } }
  )
  const desk = { core, tunnel, dataDir, logger, callbackUrl: webhookUrl, statuses }
  desks.push(desk)
  return desk
}

function metaCallback(): string | undefined {
  return graph.subscriptions.find((sub) => sub.object === 'page')?.callback_url
}

async function settled(desk: Desk, state: string): Promise<void> {
  await expect.poll(() => desk.core.status().webhookOwner?.state, { timeout: 8000 }).toBe(state)
}

describe('two desks of one app', () => {
  it('the first registers; the second does not take over silently and names the first', async () => {
    const front = await startDesk('Front desk')
    await settled(front, 'this-desk')
    expect(metaCallback()).toBe(front.callbackUrl)
    expect(front.core.status().registration).toMatchObject({
      state: 'registered',
      callbackUrl: front.callbackUrl
    })
    // Kept for the next start or reconnect, readable by this user alone.
    const kept = join(front.dataDir, LAST_REGISTERED_FILE)
    if (process.platform !== 'win32') expect((await stat(kept)).mode & 0o777).toBe(0o600)

    const back = await startDesk('Back office')
    await settled(back, 'other-desk')
    expect(back.core.status().webhookOwner).toEqual({
      state: 'other-desk',
      url: front.callbackUrl,
      desk: { deskName: 'Front desk', pageIds: [PAGE_ID], version: '9.9.9' },
      servesOtherPage: false,
      checkedAt: expect.any(Number)
    })
    expect(back.core.status().registration).toEqual({
      state: 'not-needed',
      reason: 'owned-elsewhere'
    })
    expect(metaCallback()).toBe(front.callbackUrl)
    // Every UI heard it; the log says the same sentence the UIs show.
    expect(back.statuses.at(-1)?.webhookOwner).toMatchObject({ state: 'other-desk' })
    expect(back.logger.entries.map((entry) => entry.message)).toContain(
      `Calls for Bakery go to Front desk (${front.callbackUrl}).`
    )
  })

  it('after an explicit take-over, the first says who took it within one re-check', async () => {
    const front = await startDesk('Front desk')
    await settled(front, 'this-desk')
    const back = await startDesk('Back office')
    await settled(back, 'other-desk')

    const result = await back.core.service.dispatch(
      'takeOverWebhook',
      {},
      {
        id: 'ui',
        send: () => undefined
      }
    )
    expect(result).toEqual({
      owner: { state: 'this-desk', url: back.callbackUrl, checkedAt: expect.any(Number) }
    })
    expect(metaCallback()).toBe(back.callbackUrl)
    await expect
      .poll(() => back.core.status().registration)
      .toMatchObject({ state: 'registered', callbackUrl: back.callbackUrl })

    const takenAt = Date.now()
    await expect
      .poll(() => front.core.status().webhookOwner, { timeout: 5 * RECHECK_MS + 2000 })
      .toEqual({
        state: 'other-desk',
        url: back.callbackUrl,
        desk: { deskName: 'Back office', pageIds: [PAGE_ID], version: '9.9.9' },
        servesOtherPage: false,
        checkedAt: expect.any(Number),
        tookItFromUs: true
      })
    expect(Date.now() - takenAt).toBeLessThan(RECHECK_MS + 1500)
    expect(front.core.status().registration).toEqual({
      state: 'not-needed',
      reason: 'owned-elsewhere'
    })
    expect(front.logger.entries).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: `Back office (${back.callbackUrl}) took the calls for Bakery: they no longer ring here.`
      })
    )
    // And a reconnect of the first desk does not take it back.
    front.tunnel.refresh()
    await new Promise((resolve) => setTimeout(resolve, 4 * RECHECK_MS))
    expect(metaCallback()).toBe(back.callbackUrl)
  })

  it('a tunnel reconnect of the first desk says who took it, and does not take it back', async () => {
    // No re-check timer within the test: only the reconnect can find out.
    const front = await startDesk('Front desk', { recheckMs: 60 * 60_000 })
    await settled(front, 'this-desk')
    const back = await startDesk('Back office')
    await settled(back, 'other-desk')
    await back.core.service.dispatch('takeOverWebhook', {}, { id: 'ui', send: () => undefined })
    expect(front.core.status().webhookOwner).toMatchObject({ state: 'this-desk' })

    front.tunnel.refresh()
    await expect
      .poll(() => front.core.status().webhookOwner)
      .toMatchObject({
        state: 'other-desk',
        desk: { deskName: 'Back office' },
        tookItFromUs: true
      })
    expect(front.core.status().registration).toEqual({
      state: 'not-needed',
      reason: 'owned-elsewhere'
    })
    expect(metaCallback()).toBe(back.callbackUrl)
  })

  it('a desk restarted on a new address registers over its own previous one, and no other', async () => {
    const front = await startDesk('Front desk')
    await settled(front, 'this-desk')
    desks.splice(desks.indexOf(front), 1)
    front.tunnel.stop()
    await front.core.stop()
    // The same data folder, a new port: Meta still holds the old address, which was this desk's.
    const again = await startDesk('Front desk', { dataDir: front.dataDir })
    expect(again.callbackUrl).not.toBe(front.callbackUrl)
    await settled(again, 'this-desk')
    expect(metaCallback()).toBe(again.callbackUrl)
  })

  it('refuses to take over from a desk of another Page of the app, in a sentence', async () => {
    const other = await startDesk('Shop desk', { pageId: '555000111' })
    await settled(other, 'this-desk')
    const back = await startDesk('Back office')
    await settled(back, 'other-desk')
    expect(back.core.status().webhookOwner).toMatchObject({ servesOtherPage: true })
    await expect(
      back.core.service.dispatch('takeOverWebhook', {}, { id: 'ui', send: () => undefined })
    ).rejects.toMatchObject({
      code: 'conflict',
      message: `Calls for Bakery go to Shop desk for another Page of this app (555000111); one app has one callback URL, so this desk cannot take them over.`
    })
    expect(metaCallback()).toBe(other.callbackUrl)
  })

  it('a forged or unsigned identity request gets nothing', async () => {
    const front = await startDesk('Front desk')
    await settled(front, 'this-desk')
    const forged = [
      {},
      { nonce: 'A'.repeat(24), ts: String(Date.now()) },
      signIdentityRequest('not-the-app-secret')
    ]
    for (const request of forged) {
      const response = await fetch(identityUrl(front.callbackUrl, request))
      expect(response.status).toBe(401)
      expect(await response.text()).toBe('')
    }
    // The honest question, for contrast.
    const honest = await fetch(
      identityUrl(front.callbackUrl, { ...signIdentityRequest(APP_SECRET) })
    )
    expect(honest.status).toBe(200)
    expect(new URL(IDENTITY_PATH, front.callbackUrl).pathname).toBe('/softphone/hub')
  })

  it('a foreign server at the callback URL is named by its URL', async () => {
    // A developer's endpoint: echoes Meta's challenge, says "hello" to anything else.
    const server = createServer((req, res) => {
      const challenge = new URL(req.url ?? '/', 'http://x').searchParams.get('hub.challenge')
      res.end(challenge ?? 'hello')
    })
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const foreignUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/meta`
    const tool = new GraphClient({
      credentials: () => ({ appId: APP_ID, appSecret: APP_SECRET }),
      host: graph.url,
      version: 'v26.0',
      logger: memoryLogger()
    })
    await tool.subscribeAppWebhook({ callbackUrl: foreignUrl, verifyToken: 't', fields: ['calls'] })

    const back = await startDesk('Back office')
    await settled(back, 'foreign')
    expect(back.core.status().webhookOwner).toEqual({
      state: 'foreign',
      url: foreignUrl,
      checkedAt: expect.any(Number)
    })
    expect(back.logger.entries.map((entry) => entry.message)).toContain(
      `Calls for Bakery go to ${foreignUrl}, which is not this app.`
    )
    expect(metaCallback()).toBe(foreignUrl)
  })
})
