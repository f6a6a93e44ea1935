/**
 * Which settings live on each desk and which on the hub (issue #13, item 3): the table names every
 * settings group once (the `@ts-expect-error` lines are checked by `tsc`: if a table missing a group
 * compiled, the directive itself would be the error).
 */
import { describe, expect, it } from 'vitest'
import { defaultSettings } from '../../src/shared/settings'
import {
  hubWideGroupsIn,
  SETTINGS_SCOPES,
  type SettingsGroup,
  type SettingsScopes
} from '../../src/shared/settings-scope'

describe('the settings scopes', () => {
  it('place every settings group, each once', () => {
    expect(Object.keys(SETTINGS_SCOPES).sort()).toEqual(Object.keys(defaultSettings()).sort())
  })

  it('do not compile when a group is added to the settings but not placed', () => {
    // A new group in the settings schema widens SettingsGroup like this.
    // @ts-expect-error 'recording' is missing from the table
    const _widened: Record<SettingsGroup | 'recording', 'desk' | 'hub'> = SETTINGS_SCOPES
    const { theme: _left, ...withoutOne } = SETTINGS_SCOPES
    // @ts-expect-error 'theme' is missing from the table
    const _missing: SettingsScopes = withoutOne
    // @ts-expect-error a group the settings do not have
    const _extra: SettingsScopes = { ...SETTINGS_SCOPES, wallpaper: 'desk' }
    expect(_missing).not.toHaveProperty('theme')
  })

  it('keep the issue’s split: devices and looks per desk, the Page and the business on the hub', () => {
    const perDesk = ['audio', 'theme', 'startAtLogin', 'desk'] as const
    const hubWide = ['page', 'tunnel', 'webhook', 'doNotDisturb', 'quality'] as const
    for (const group of perDesk) expect(SETTINGS_SCOPES[group]).toBe('desk')
    for (const group of hubWide) expect(SETTINGS_SCOPES[group]).toBe('hub')
  })

  it('name the hub-wide groups a patch touches, and only those', () => {
    expect(hubWideGroupsIn({ theme: 'dark', audio: {} })).toEqual([])
    expect(hubWideGroupsIn({ theme: 'dark', doNotDisturb: {}, tunnel: null })).toEqual([
      'doNotDisturb',
      'tunnel'
    ])
    expect(hubWideGroupsIn({ toString: 1, wallpaper: 'x' })).toEqual([])
  })
})
