import { describe, expect, it } from 'vitest'
import { ConfigError } from '../../../../src/main/core/config/errors'
import { resolveConfig } from '../../../../src/main/core/config/resolve'
import { CallRegistry } from '../../../../src/main/core/calls'
import { defaultSettings, settingsSchema } from '../../../../src/shared/settings'

const pageEnv = {
  FB_PAGE_ID: '1001',
  FB_PAGE_ACCESS_TOKEN: 'EAA-env-token',
  FB_APP_SECRET: 'env-app-secret'
}

describe('resolveConfig', () => {
  it('is unconfigured with defaults, and says what is missing', () => {
    const config = resolveConfig({ settings: defaultSettings(), secrets: {} })
    expect(config.page).toEqual({
      configured: false,
      pageId: undefined,
      appId: undefined,
      missing: ['pageId', 'pageAccessToken', 'appSecret']
    })
    expect(config.graph).toEqual({ apiUrl: 'https://graph.facebook.com', apiVersion: 'v26.0' })
    expect(config.webhook).toEqual({ port: 47800, path: '/webhook' })
    expect(config.ringTimeoutMs).toBe(50_000)
    expect(config.tunnel.mode).toBe('none')
  })

  it('counts a Page given only by environment variables as configured', () => {
    const config = resolveConfig({ settings: defaultSettings(), secrets: {}, env: pageEnv })
    expect(config.page.configured).toBe(true)
    expect(config.page.pageId).toBe('1001')
    expect(config.credentials).toMatchObject({
      pageId: '1001',
      pageAccessToken: 'EAA-env-token',
      appSecret: 'env-app-secret'
    })
  })

  it('needs the app secret too', () => {
    const { FB_APP_SECRET: _unused, ...withoutSecret } = pageEnv
    const config = resolveConfig({ settings: defaultSettings(), secrets: {}, env: withoutSecret })
    expect(config.page.configured).toBe(false)
    expect(config.page.missing).toEqual(['appSecret'])
  })

  it('combines settings and stored secrets, and lets the environment win value by value', () => {
    const settings = settingsSchema.parse({
      page: { pageId: '7', appId: '8' },
      graph: { apiVersion: 'v25.0' },
      webhook: { port: 5000 },
      ringTimeoutSeconds: 40,
      tunnel: { mode: 'localtunnel', subdomain: 'shop' }
    })
    const secrets = {
      pageAccessToken: 'stored',
      appSecret: 'stored-secret',
      verifyToken: 'v-stored'
    }
    const plain = resolveConfig({ settings, secrets })
    expect(plain.page.configured).toBe(true)
    // Only the environment moves Graph away from Meta (see config/retired-settings).
    expect(plain.graph).toEqual({ apiUrl: 'https://graph.facebook.com', apiVersion: 'v25.0' })
    expect(plain.tunnel).toEqual({
      mode: 'localtunnel',
      host: undefined,
      subdomain: 'shop',
      publicUrl: undefined
    })
    const env = {
      GRAPH_API_URL: 'http://127.0.0.1:9',
      GRAPH_API_VERSION: 'v99.1',
      WEBHOOK_PORT: '0',
      WEBHOOK_PATH: '/w',
      SOFTPHONE_RING_TIMEOUT_S: '1.5',
      FB_VERIFY_TOKEN: 'v-env',
      TUNNEL: 'none'
    }
    const overridden = resolveConfig({ settings, secrets, env })
    expect(overridden.graph).toEqual({ apiUrl: 'http://127.0.0.1:9', apiVersion: 'v99.1' })
    expect(overridden.webhook).toEqual({ port: 0, path: '/w' })
    expect(overridden.ringTimeoutMs).toBe(1500)
    expect(overridden.credentials.verifyToken).toBe('v-env')
    expect(overridden.credentials.pageAccessToken).toBe('stored')
    expect(overridden.tunnel.mode).toBe('none')
  })

  it('does not pair a stored token with a different Page named by the environment', () => {
    const settings = settingsSchema.parse({ page: { pageId: '7', appId: '8' } })
    const secrets = { pageAccessToken: 'for-page-7', appSecret: 'for-app-8' }
    const config = resolveConfig({ settings, secrets, env: { FB_PAGE_ID: '9', FB_APP_ID: '10' } })
    expect(config.credentials.pageAccessToken).toBeUndefined()
    expect(config.credentials.appSecret).toBeUndefined()
    expect(config.page.missing).toEqual(['pageAccessToken', 'appSecret'])
    const same = resolveConfig({ settings, secrets, env: { FB_PAGE_ID: '7' } })
    expect(same.credentials.pageAccessToken).toBe('for-page-7')
  })

  it('uses PUBLIC_URL as an own URL', () => {
    const config = resolveConfig({
      settings: defaultSettings(),
      secrets: {},
      env: { PUBLIC_URL: 'https://calls.example.com/' }
    })
    expect(config.tunnel).toMatchObject({ mode: 'own-url', publicUrl: 'https://calls.example.com' })
  })

  it('throws a ConfigError for a bad variable', () => {
    expect(() =>
      resolveConfig({ settings: defaultSettings(), secrets: {}, env: { WEBHOOK_PORT: 'x' } })
    ).toThrow(ConfigError)
  })

  it('never resolves a tiny but valid ring time to 0 ms, which the registry refuses', () => {
    const fromEnv = resolveConfig({
      settings: defaultSettings(),
      secrets: {},
      env: { SOFTPHONE_RING_TIMEOUT_S: '0.0001' }
    })
    const fromSettings = resolveConfig({
      settings: settingsSchema.parse({ ringTimeoutSeconds: 0.0004 }),
      secrets: {}
    })
    for (const config of [fromEnv, fromSettings]) {
      expect(config.ringTimeoutMs).toBe(1)
      expect(() => new CallRegistry({ ringTimeoutMs: config.ringTimeoutMs })).not.toThrow()
    }
  })
})
