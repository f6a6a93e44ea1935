/**
 * The tunnel end to end on loopback: the real core (webhook listener, Graph client, registry), the
 * real localtunnel client, the fake localtunnel server, and the simulator's fake Graph as Meta, whose
 * subscription POST performs the verification handshake through the tunnel. Webhooks are delivered
 * to the callback Meta holds, so a call rings only if the registration really points at us.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TunnelStatus } from '../../../../src/shared/tunnel'
import { SettingsStore, resolveConfig, type RuntimeConfig } from '../../../../src/main/core/config'
import { memoryLogger } from '../../../../src/main/core/log'
import { createSoftphoneCore, type SoftphoneCore } from '../../../../src/main/core/softphone-core'
import type { ListenerTimeouts } from '../../../../src/main/core/webhook/listener'
import {
  echoesChallenge,
  localtunnelConnector,
  startTunnel,
  type TunnelRuntime
} from '../../../../src/main/core/tunnel'
import {
  createFakeGraph,
  createWebhookSender,
  newCallId,
  type FakeGraph
} from '../../../../src/main/simulator/platform'
import { askOwner } from '../../../../src/main/core/webhook-owner/ask-owner'
import {
  startFakeLocaltunnelServer,
  type FakeLocaltunnelServer
} from '../../../support/fake-localtunnel-server'

const PAGE_ID = '106378625516323'
const APP_ID = '987654321012345'
const APP_SECRET = 'tunnel-test-app-secret'
const PAGE_TOKEN = 'EAATunnelTestPageToken0123456789abcdef'
const VERIFY_TOKEN = 'tunnel-test-verify-token'
const PSID = '5275811702471834'

let dataDir: string
let graph: FakeGraph
let lt: FakeLocaltunnelServer
let core: SoftphoneCore
let config: RuntimeConfig
let tunnel: TunnelRuntime | undefined
let statuses: TunnelStatus[]
let settings: SettingsStore

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'softphone-tunnel-'))
  graph = await createFakeGraph({
    pageId: PAGE_ID,
    pageAccessToken: PAGE_TOKEN,
    appId: APP_ID,
    appSecret: APP_SECRET,
    handshakeTimeoutMs: 2000
  })
  lt = await startFakeLocaltunnelServer({ graceMs: 300 })
  // Configured the way a headless run is: environment variables over empty settings.
  settings = await SettingsStore.open(dataDir, memoryLogger())
  config = resolveConfig({
    settings: settings.get(),
    secrets: {},
    env: {
      FB_PAGE_ID: PAGE_ID,
      FB_PAGE_ACCESS_TOKEN: PAGE_TOKEN,
      FB_APP_ID: APP_ID,
      FB_APP_SECRET: APP_SECRET,
      FB_VERIFY_TOKEN: VERIFY_TOKEN,
      GRAPH_API_URL: graph.url,
      WEBHOOK_PORT: '0',
      TUNNEL: 'localtunnel',
      TUNNEL_HOST: lt.url
    }
  })
  core = await createSoftphoneCore({ config, dataDir, settings, logger: memoryLogger('info') })
  await core.start()
  statuses = []
})

afterEach(async () => {
  tunnel?.stop()
  tunnel = undefined
  await core.stop()
  await lt.close()
  await graph.close()
  await rm(dataDir, { recursive: true, force: true })
})

function open(): TunnelRuntime {
  tunnel = startTunnel(core, config, memoryLogger('info'), {
    // Short waits, so a drop recovers within the test's time.
    backoff: { initialMs: 50, maxMs: 200, factor: 2, jitter: 0 },
    registrationBackoff: { initialMs: 50, maxMs: 200, factor: 2, jitter: 0 },
    openTimeoutMs: 3000,
    connector: localtunnelConnector({ staleAfterMs: 500, probeIntervalMs: 0 })
  })
  tunnel.service.on('status', (status) => statuses.push(status))
  return tunnel
}

/** Waits until Meta holds a confirmed callback other than `previous`; returns it. */
async function registeredCallback(previous?: string): Promise<string> {
  await expect
    .poll(
      () => {
        const registration = core.status().registration
        return (
          registration.state === 'registered' &&
          registration.handshakeConfirmed &&
          registration.callbackUrl !== previous
        )
      },
      { timeout: 8000 }
    )
    .toBe(true)
  const registration = core.status().registration
  if (registration.state !== 'registered') throw new Error('not registered')
  return registration.callbackUrl
}

/** Meta's side of a customer calling: the call rings at Meta, the connect webhook goes out. */
async function placeCall(): Promise<{ callId: string; statuses: number[] }> {
  const callback = graph.subscriptions.find((s) => s.object === 'page')?.callback_url
  if (!callback) throw new Error('Meta holds no callback URL')
  const sender = createWebhookSender({ url: callback, appSecret: APP_SECRET, pageId: PAGE_ID })
  const callId = newCallId()
  graph.calls.ring(PSID, callId)
  const delivered = await sender.deliver(
    sender.connectDelivery({ callId, from: PSID, to: PAGE_ID })
  )
  return { callId, statuses: delivered }
}

/**
 * Ringing here, with the caller's name looked up through Graph. Waiting for the name also keeps
 * the lookup from outliving the test (it would land after the core stopped).
 */
async function ringsHere(callId: string): Promise<void> {
  await expect
    .poll(() => {
      const call = core.registry.get(callId)
      return call && { state: call.state, name: call.caller.name }
    })
    .toEqual({ state: 'ringing', name: 'Ada Lovelace' })
}

describe('the tunnel with Meta re-registration', () => {
  it('registers the tunnel URL with Meta, whose handshake comes through the tunnel', async () => {
    open()
    const callback = await registeredCallback()
    const [clientId] = lt.clientIds()
    expect(callback).toBe(`${lt.publicUrl(clientId ?? '')}/webhook`)
    expect(core.status()).toMatchObject({
      publicUrl: lt.publicUrl(clientId ?? ''),
      tunnel: { state: 'up', url: lt.publicUrl(clientId ?? '') }
    })
    expect(graph.subscriptions).toEqual([
      expect.objectContaining({
        object: 'page',
        callback_url: callback,
        fields: ['calls', 'call_permission_reply', 'messages']
      })
    ])
    // Meta's handshake GET is what the tunnel carried to the listener.
    expect(lt.forwarded).toContainEqual(
      expect.objectContaining({ method: 'GET', path: expect.stringMatching(/^\/webhook\?hub\./) })
    )

    // The registrar's fallback self-check, through the same tunnel.
    const signal = AbortSignal.timeout(3000)
    expect(await echoesChallenge(callback, VERIFY_TOKEN, signal)).toBe(true)
    expect(await echoesChallenge(callback, 'not-our-token', signal)).toBe(false)
  })

  it('answers the identity question of a desk of the same app through the tunnel', async () => {
    open()
    const callback = await registeredCallback()
    expect(await askOwner(callback, APP_SECRET)).toEqual({
      kind: 'desk',
      identity: { deskName: expect.any(String), pageIds: [PAGE_ID], version: expect.any(String) }
    })
    expect(core.status().webhookOwner).toMatchObject({ state: 'this-desk', url: callback })
  })

  it('drop the tunnel mid-session: it reconnects, re-registers, and a call after recovery rings', async () => {
    open()
    const first = await registeredCallback()
    const before = await placeCall()
    expect(before.statuses).toEqual([200])
    await ringsHere(before.callId)

    const [oldClient] = lt.clientIds()
    lt.dropClient(oldClient ?? '')

    const second = await registeredCallback(first)
    expect(second).not.toBe(first)
    expect(graph.subscriptions.map((s) => s.callback_url)).toEqual([second])
    expect(statuses.map((s) => s.state)).toEqual(
      expect.arrayContaining(['up', 'reconnecting', 'connecting', 'up'])
    )
    const drop = statuses.find((s) => s.state === 'reconnecting')
    expect(drop).toMatchObject({ attempt: 1, lastError: expect.stringMatching(/tunnel server/) })
    // The old public URL is gone for good; Meta only knows the new one.
    expect((await fetch(first)).status).toBe(404)

    const after = await placeCall()
    expect(after.statuses).toEqual([200])
    await ringsHere(after.callId)
    expect(core.registry.get(before.callId)?.state).toBe('ringing')
  })

  it('refresh (wake from sleep) opens a new tunnel and registers it again', async () => {
    const runtime = open()
    const first = await registeredCallback()
    runtime.refresh()
    const second = await registeredCallback(first)
    expect(graph.subscriptions.map((s) => s.callback_url)).toEqual([second])
    const call = await placeCall()
    expect(call.statuses).toEqual([200])
    await ringsHere(call.callId)
  })

  it('a registration Meta refuses shows Graph’s sentence, then succeeds on retry', async () => {
    graph.failNext(
      { method: 'POST', path: /\/subscriptions$/ },
      { status: 400, code: 2200, message: 'callback verification failed: upstream hiccup' }
    )
    open()
    await expect
      .poll(() => core.status().registration)
      .toMatchObject({ state: 'failed', message: expect.stringMatching(/^Facebook .+\.$/) })
    await registeredCallback()
  })

  it('stop closes the tunnel: the status says off and the server forgets it', async () => {
    const runtime = open()
    await registeredCallback()
    runtime.stop()
    tunnel = undefined
    expect(core.status()).toMatchObject({ tunnel: { state: 'off' }, publicUrl: null })
    await expect.poll(() => lt.clientIds()).toEqual([])
  })
})

describe('a call after a quiet spell', () => {
  /**
   * The listener's limits, the defaults scaled down 100 times. The silence outlasts the request limit five
   * times over, more than two minutes do the 30 s default (the defaults themselves are pinned in
   * listener.integration.test.ts).
   */
  const SCALED: ListenerTimeouts = {
    headersMs: 100,
    requestMs: 300,
    checkEveryMs: 50,
    keepAliveMs: 0
  }
  const QUIET_MS = 1500

  it('rings: no tunnel socket went stale while nothing happened', async () => {
    await core.stop()
    core = await createSoftphoneCore({
      config,
      dataDir,
      settings,
      logger: memoryLogger('info'),
      listenerTimeouts: SCALED
    })
    await core.start()
    open()
    await registeredCallback()
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS))

    // Two at once, so the socket kept in use by the handshake cannot carry both.
    const calls = await Promise.all([placeCall(), placeCall()])
    expect(calls.map((call) => call.statuses)).toEqual([[200], [200]])
    for (const call of calls) await ringsHere(call.callId)
  })
})
