import { describe, expect, it } from 'vitest'
import type { RegistrationStatus, TunnelStatus } from '../../../../src/shared/tunnel'
import type { AppWebhookSubscription } from '../../../../src/main/core/graph'
import {
  resolveConfig,
  defaultSettings,
  type RuntimeConfig
} from '../../../../src/main/core/config'
import { memoryLogger } from '../../../../src/main/core/log'
import type { TunnelConnector } from '../../../../src/main/core/tunnel/connection'
import { startTunnel, type TunnelHost } from '../../../../src/main/core/tunnel/start-tunnel'
import type { VerificationInfo } from '../../../../src/main/core/webhook/server'

const CONFIGURED = {
  FB_PAGE_ID: '106378625516323',
  FB_PAGE_ACCESS_TOKEN: 'EAAStartTunnelTestToken0123456789',
  FB_APP_ID: '987654321012345',
  FB_APP_SECRET: 'start-tunnel-secret',
  FB_VERIFY_TOKEN: 'start-tunnel-verify'
}

function config(env: Record<string, string>): RuntimeConfig {
  return resolveConfig({ settings: defaultSettings(), secrets: {}, env })
}

/** The narrow core view startTunnel uses, recording what it is told. */
function fakeCore(webhookUrl: string | null = 'http://127.0.0.1:47800/webhook') {
  const seen = {
    publicUrls: [] as (string | null)[],
    tunnel: [] as TunnelStatus[],
    registration: [] as RegistrationStatus[],
    subscriptions: [] as AppWebhookSubscription[]
  }
  let verification: VerificationInfo | undefined
  const core: TunnelHost = {
    graph: {
      subscribeAppWebhook: async (subscription) => {
        seen.subscriptions.push(subscription)
        verification = { ok: true, at: Date.now() }
      }
    },
    get lastVerification() {
      return verification
    },
    status: () => ({ webhookUrl }),
    setPublicUrl: (url) => void seen.publicUrls.push(url),
    setTunnelStatus: (status) => void seen.tunnel.push(status),
    setRegistrationStatus: (status) => void seen.registration.push(status)
  }
  return { core, seen }
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

describe('startTunnel', () => {
  it('PUBLIC_URL: the core gets the URL and both statuses, Meta gets the callback', async () => {
    const { core, seen } = fakeCore()
    const runtime = startTunnel(
      core,
      config({ ...CONFIGURED, PUBLIC_URL: 'https://calls.example.com/desk' }),
      memoryLogger()
    )
    await settle()
    expect(seen.publicUrls).toEqual(['https://calls.example.com/desk'])
    expect(seen.tunnel).toEqual([{ state: 'up', url: 'https://calls.example.com/desk' }])
    expect(seen.subscriptions.map((s) => s.callbackUrl)).toEqual([
      'https://calls.example.com/desk/webhook'
    ])
    expect(seen.registration.at(-1)).toMatchObject({
      state: 'registered',
      handshakeConfirmed: true
    })
    runtime.stop()
    expect(seen.publicUrls.at(-1)).toBeNull()
    expect(seen.tunnel.at(-1)).toEqual({ state: 'off' })
  })

  it('TUNNEL=localtunnel: opens a tunnel for the listener’s port on the given host', async () => {
    const requests: unknown[] = []
    const connector: TunnelConnector = async (request) => {
      requests.push(request)
      return {
        url: 'https://front-desk.tunnel.example',
        onDown: () => undefined,
        close: () => undefined
      }
    }
    const { core, seen } = fakeCore()
    const runtime = startTunnel(
      core,
      config({
        ...CONFIGURED,
        TUNNEL: 'localtunnel',
        TUNNEL_HOST: 'https://tunnel.example',
        TUNNEL_SUBDOMAIN: 'front-desk'
      }),
      memoryLogger(),
      { connector }
    )
    await settle()
    expect(requests).toEqual([
      { localPort: 47800, host: 'https://tunnel.example', subdomain: 'front-desk' }
    ])
    expect(seen.tunnel.map((s) => s.state)).toEqual(['connecting', 'up'])
    expect(seen.subscriptions.map((s) => s.callbackUrl)).toEqual([
      'https://front-desk.tunnel.example/webhook'
    ])
    runtime.stop()
  })

  it('without the app id there is nothing to register, but the tunnel still runs', async () => {
    const { core, seen } = fakeCore()
    const { FB_APP_ID: _unused, ...withoutApp } = CONFIGURED
    const runtime = startTunnel(
      core,
      config({ ...withoutApp, PUBLIC_URL: 'https://calls.example.com' }),
      memoryLogger()
    )
    await settle()
    expect(seen.tunnel).toEqual([{ state: 'up', url: 'https://calls.example.com' }])
    expect(seen.subscriptions).toEqual([])
    expect(seen.registration.at(-1)).toEqual({ state: 'not-needed', reason: 'not-configured' })
    runtime.stop()
  })

  it('no tunnel configured: nothing is opened or registered', async () => {
    const { core, seen } = fakeCore()
    const runtime = startTunnel(core, config(CONFIGURED), memoryLogger())
    await settle()
    expect(seen.tunnel).toEqual([{ state: 'off' }])
    expect(seen.publicUrls).toEqual([])
    expect(seen.subscriptions).toEqual([])
    runtime.stop()
  })

  it('refuses to start before the core listens', () => {
    const { core } = fakeCore(null)
    expect(() => startTunnel(core, config(CONFIGURED), memoryLogger())).toThrow(/before the tunnel/)
  })
})
