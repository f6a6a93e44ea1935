import { describe, expect, it } from 'vitest'
import { parseSettingsLeniently } from '../../../../src/main/core/config/lenient'
import { defaultSettings, settingsSchema } from '../../../../src/shared/settings'

describe('settings schema', () => {
  it('fills every default from an empty object', () => {
    expect(defaultSettings()).toEqual({
      page: {},
      graph: { apiVersion: 'v26.0' },
      webhook: { port: 47800, path: '/webhook' },
      tunnel: { mode: 'none' },
      ringTimeoutSeconds: 50,
      maxRingingCalls: 20,
      audio: { openMicWhileRinging: false, ringtone: 'classic', ringVolume: 0.8 },
      ice: { stunUrls: [] },
      quality: { sendToMeta: false },
      theme: 'system',
      doNotDisturb: { enabled: false, action: 'ring-out' },
      startAtLogin: false,
      hours: { outside: 'ring' },
      missedCallReply: { enabled: false, text: '', extra: 'none' },
      desk: { name: '', ringHere: true, language: 'system' },
      seats: { mayCallBack: false, silent: [], lan: { enabled: false, port: 47802 } }
    })
  })

  it('keeps valid values and fills the rest of a nested object', () => {
    const settings = settingsSchema.parse({ webhook: { port: 0 }, audio: { ringVolume: 0 } })
    expect(settings.webhook).toEqual({ port: 0, path: '/webhook' })
    expect(settings.audio.ringVolume).toBe(0)
  })

  it.each([
    // Not a setting: only GRAPH_API_URL sends the Page's credentials anywhere but Meta.
    [{ graph: { apiUrl: 'https://graph.facebook.com' } }],
    [{ ice: { turn: { url: 'turn:x', username: 'u', credential: 'in the secret store only' } } }],
    [{ graph: { apiVersion: '26' } }],
    [{ webhook: { port: 70000 } }],
    [{ webhook: { port: 1.5 } }],
    [{ webhook: { path: 'webhook' } }],
    [{ ringTimeoutSeconds: 56 }],
    [{ ringTimeoutSeconds: 0 }],
    [{ audio: { ringVolume: 1.1 } }],
    [{ ice: { stunUrls: ['http://x'] } }],
    [{ ice: { turn: { url: 'turn:x' } } }],
    [{ tunnel: { mode: 'ngrok' } }],
    [{ theme: 'blue' }],
    [{ page: { pageId: '12/../34' } }],
    [{ unknown: 1 }]
  ])('refuses %j', (input) => {
    expect(settingsSchema.safeParse(input).success).toBe(false)
  })
})

describe('parseSettingsLeniently', () => {
  it('drops bad and unknown keys, keeps the good ones and names every problem', () => {
    const { settings, cleaned, problems } = parseSettingsLeniently({
      webhook: { port: 'abc', path: '/hooks' },
      theme: 'blue',
      ice: { stunUrls: ['stun:ok:1', 42], turn: { url: 7, username: 'u' } },
      audio: 'loud',
      surprise: true,
      page: { pageId: '123', extra: 1 }
    })
    expect(settings.webhook).toEqual({ port: 47800, path: '/hooks' })
    expect(settings.theme).toBe('system')
    expect(settings.ice).toEqual({ stunUrls: [] })
    expect(settings.audio.ringVolume).toBe(0.8)
    expect(settings.page).toEqual({ pageId: '123' })
    expect(cleaned).toEqual({ webhook: { path: '/hooks' }, page: { pageId: '123' }, ice: {} })
    expect(problems.map((p) => p.field).sort()).toEqual(
      [
        'audio',
        'ice.stunUrls.1',
        'ice.turn.url',
        'page.extra',
        'surprise',
        'theme',
        'webhook.port'
      ].sort()
    )
  })

  it('falls back to all defaults when the file is not an object', () => {
    const { settings, problems } = parseSettingsLeniently([1, 2])
    expect(settings).toEqual(defaultSettings())
    expect(problems).toHaveLength(1)
  })
})
