import { describe, expect, it } from 'vitest'
import { pinnedSettings } from '../../../../src/main/core/settings-effects/pinned'

describe('pinnedSettings', () => {
  it('names each setting an environment variable fixes, with the variables that do', () => {
    expect(
      pinnedSettings({
        SOFTPHONE_RING_TIMEOUT_S: '3',
        PUBLIC_URL: 'https://desk.example',
        TUNNEL_SUBDOMAIN: '',
        HOME: '/home/owner'
      })
    ).toEqual([
      { setting: 'ringTimeoutSeconds', variables: ['SOFTPHONE_RING_TIMEOUT_S'] },
      { setting: 'tunnel', variables: ['PUBLIC_URL'] }
    ])
  })

  it('fixes nothing when no variable is set (the desktop app’s usual case)', () => {
    expect(pinnedSettings({ PATH: '/usr/bin' })).toEqual([])
  })
})
