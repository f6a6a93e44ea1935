import { describe, expect, it } from 'vitest'
import { readEnv, unknownEnvVariables } from '../../../../src/main/core/config/env'
import { ConfigError } from '../../../../src/main/core/config/errors'

const TOKEN = 'EAAtesttoken1234567890abcdef'

describe('readEnv', () => {
  it('reads nothing from an empty environment, and treats empty or blank values as unset', () => {
    expect(readEnv({})).toEqual({})
    expect(readEnv({ WEBHOOK_PORT: '', FB_PAGE_ID: '   ', TUNNEL: '' })).toEqual({})
  })

  it.each([
    ['FB_PAGE_ID', '1234567890', { pageId: '1234567890' }],
    ['FB_PAGE_ACCESS_TOKEN', TOKEN, { pageAccessToken: TOKEN }],
    ['FB_APP_ID', '987', { appId: '987' }],
    ['FB_APP_SECRET', 'abcdef0123456789', { appSecret: 'abcdef0123456789' }],
    ['FB_VERIFY_TOKEN', 'verify-me', { verifyToken: 'verify-me' }],
    ['GRAPH_API_URL', 'http://127.0.0.1:4100', { graphApiUrl: 'http://127.0.0.1:4100' }],
    ['GRAPH_API_URL', 'https://graph.facebook.com/', { graphApiUrl: 'https://graph.facebook.com' }],
    ['GRAPH_API_VERSION', 'v26.0', { graphApiVersion: 'v26.0' }],
    ['WEBHOOK_PORT', '0', { webhookPort: 0 }],
    ['WEBHOOK_PORT', '65535', { webhookPort: 65535 }],
    ['WEBHOOK_PATH', '/hooks/meta', { webhookPath: '/hooks/meta' }],
    ['SOFTPHONE_DATA_DIR', '/tmp/x', { dataDir: '/tmp/x' }],
    ['SOFTPHONE_RING_TIMEOUT_S', '55', { ringTimeoutSeconds: 55 }],
    ['SOFTPHONE_RING_TIMEOUT_S', '0.5', { ringTimeoutSeconds: 0.5 }],
    ['TUNNEL', 'none', { tunnel: 'none' }],
    ['TUNNEL', 'localtunnel', { tunnel: 'localtunnel' }],
    ['TUNNEL_HOST', 'https://localtunnel.me/', { tunnelHost: 'https://localtunnel.me' }],
    ['TUNNEL_SUBDOMAIN', 'my-shop', { tunnelSubdomain: 'my-shop' }],
    [
      'PUBLIC_URL',
      'https://calls.example.com/base',
      { publicUrl: 'https://calls.example.com/base' }
    ]
  ])('accepts %s=%s', (name, value, expected) => {
    expect(readEnv({ [name]: value })).toEqual(expected)
  })

  it('trims a pasted trailing newline', () => {
    expect(readEnv({ FB_PAGE_ACCESS_TOKEN: `${TOKEN}\n` })).toEqual({ pageAccessToken: TOKEN })
  })

  it.each([
    ['FB_PAGE_ID', '12/34'],
    ['FB_APP_ID', 'app id'],
    ['GRAPH_API_URL', 'https://graph.facebook.com/v26.0'],
    ['GRAPH_API_URL', 'https://graph.facebook.com?x=1'],
    ['GRAPH_API_URL', 'https://graph.facebook.com/?'],
    ['GRAPH_API_URL', 'ftp://graph.facebook.com'],
    ['GRAPH_API_URL', 'graph.facebook.com'],
    ['GRAPH_API_URL', 'https://user:pw@graph.facebook.com'],
    ['GRAPH_API_VERSION', '26.0'],
    ['GRAPH_API_VERSION', 'v26'],
    ['WEBHOOK_PORT', 'abc'],
    ['WEBHOOK_PORT', '65536'],
    ['WEBHOOK_PORT', '-1'],
    ['WEBHOOK_PORT', '80.5'],
    ['WEBHOOK_PORT', '1e3'],
    ['WEBHOOK_PATH', 'webhook'],
    ['WEBHOOK_PATH', '/web hook'],
    ['WEBHOOK_PATH', '/webhook?x=1'],
    ['SOFTPHONE_RING_TIMEOUT_S', '0'],
    ['SOFTPHONE_RING_TIMEOUT_S', '56'],
    ['SOFTPHONE_RING_TIMEOUT_S', '-5'],
    ['SOFTPHONE_RING_TIMEOUT_S', 'Infinity'],
    ['SOFTPHONE_RING_TIMEOUT_S', 'ten'],
    ['TUNNEL', 'ngrok'],
    ['TUNNEL_HOST', 'localtunnel.me'],
    ['TUNNEL_SUBDOMAIN', 'My_Shop'],
    ['PUBLIC_URL', 'https://calls.example.com/?a=b'],
    ['PUBLIC_URL', 'ws://calls.example.com']
  ])('refuses %s=%s with a message naming it and the value', (name, value) => {
    let error: unknown
    try {
      readEnv({ [name]: value })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).message).toMatch(new RegExp(`^${name} must be `))
    expect((error as ConfigError).message).toContain(`(got ${JSON.stringify(value)})`)
  })

  it('words the port error as documented', () => {
    expect(() => readEnv({ WEBHOOK_PORT: 'abc' })).toThrow(
      'WEBHOOK_PORT must be a whole number from 0 to 65535 (got "abc")'
    )
  })

  it.each(['FB_PAGE_ACCESS_TOKEN', 'FB_APP_SECRET', 'FB_VERIFY_TOKEN'])(
    'refuses a bad %s without repeating the secret',
    (name) => {
      const value = 'almost right secret'
      expect(() => readEnv({ [name]: value })).toThrow(
        `${name} must be printable characters without spaces (got 19 characters)`
      )
      try {
        readEnv({ [name]: value })
      } catch (error) {
        expect((error as Error).message).not.toContain('almost')
      }
    }
  )

  it('reports every bad variable at once', () => {
    try {
      readEnv({ WEBHOOK_PORT: 'x', TUNNEL: 'y', FB_PAGE_ID: '1' })
      expect.unreachable()
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2)
      expect((error as ConfigError).message).toMatch(/^WEBHOOK_PORT .*\nTUNNEL /)
    }
  })

  it('refuses PUBLIC_URL together with TUNNEL=localtunnel', () => {
    expect(() => readEnv({ PUBLIC_URL: 'https://a.example', TUNNEL: 'localtunnel' })).toThrow(
      /PUBLIC_URL cannot be used with TUNNEL=localtunnel/
    )
  })

  describe('a seat (SOFTPHONE_HUB, SOFTPHONE_PAIRING_CODE)', () => {
    const CODE = `msp1.0123456789ab.${'s'.repeat(22)}.${'f'.repeat(43)}`

    it('reads the hub address and a pasted code (line breaks a copy added are dropped)', () => {
      expect(
        readEnv({
          SOFTPHONE_HUB: 'https://calls.example.com/',
          SOFTPHONE_PAIRING_CODE: `${CODE.slice(0, 30)}\n${CODE.slice(30)}`
        })
      ).toEqual({ hubUrl: 'https://calls.example.com', pairingCode: CODE })
      expect(readEnv({ SOFTPHONE_HUB: 'http://127.0.0.1:4000' })).toEqual({
        hubUrl: 'http://127.0.0.1:4000'
      })
    })

    it("takes the hub's local network address written as ws://", () => {
      expect(readEnv({ SOFTPHONE_HUB: 'ws://192.168.1.20:47802' })).toEqual({
        hubUrl: 'http://192.168.1.20:47802'
      })
      expect(readEnv({ SOFTPHONE_HUB: 'wss://calls.example.com' })).toEqual({
        hubUrl: 'https://calls.example.com'
      })
    })

    it('takes the invitation "Add a desk" shows (the hub\'s address, then #code) as the code', () => {
      expect(
        readEnv({
          SOFTPHONE_HUB: 'https://calls.example.com',
          SOFTPHONE_PAIRING_CODE: `https://calls.example.com#${CODE}`
        })
      ).toEqual({ hubUrl: 'https://calls.example.com', pairingCode: CODE })
    })

    it('names SOFTPHONE_HUB when it is no http(s) URL', () => {
      expect(() => readEnv({ SOFTPHONE_HUB: 'calls.example.com' })).toThrow(
        /^SOFTPHONE_HUB must be an http\(s\) URL/
      )
    })

    it('names a malformed code without repeating it', () => {
      const almost = CODE.slice(0, -1)
      try {
        readEnv({ SOFTPHONE_HUB: 'https://h.example', SOFTPHONE_PAIRING_CODE: almost })
        expect.unreachable()
      } catch (error) {
        expect((error as Error).message).toMatch(
          /^SOFTPHONE_PAIRING_CODE must be the whole pairing code/
        )
        expect((error as Error).message).not.toContain(almost)
      }
    })

    it('refuses a code without the hub it belongs to', () => {
      expect(() => readEnv({ SOFTPHONE_PAIRING_CODE: CODE })).toThrow(
        /SOFTPHONE_PAIRING_CODE needs SOFTPHONE_HUB/
      )
    })
  })

  it('lists look-alike variables it does not read', () => {
    expect(unknownEnvVariables({ FB_PAGE_TOKEN: 'x', FB_PAGE_ID: '1', PATH: '/bin' })).toEqual([
      'FB_PAGE_TOKEN'
    ])
  })
})
