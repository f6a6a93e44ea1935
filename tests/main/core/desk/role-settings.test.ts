/**
 * The desk's settings across a role change: reads and writes go to the role's store now, and a
 * listener subscribed before the change hears the new role's changes (and what the change itself
 * changed), never the old store's.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Settings } from '../../../../src/shared/settings'
import { SettingsStore } from '../../../../src/main/core/config'
import { roleSettings, type DeskSettings } from '../../../../src/main/core/desk/role-settings'
import { silentLogger } from '../../../../src/main/core/log'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'role-settings-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('roleSettings', () => {
  it('follows the role: reads, writes and listeners move to the new store', async () => {
    const hubStore = await SettingsStore.open(dir, silentLogger)
    await hubStore.update({ page: { pageId: '123456789' } })
    let current: DeskSettings = hubStore
    const roleListeners = new Set<(next: DeskSettings) => void>()
    const settings = roleSettings({
      current: () => current,
      onChange: (listener) => {
        roleListeners.add(listener)
        return () => roleListeners.delete(listener)
      }
    })
    const heard: Settings[] = []
    const off = settings.onChange((next) => heard.push(next))
    expect(settings.get().page.pageId).toBe('123456789')

    // The join forgot the Page through the hub's store; the seat opens the file afresh.
    await hubStore.update({ page: { pageId: null } })
    heard.length = 0
    const seatStore = await SettingsStore.open(dir, silentLogger)
    current = seatStore
    for (const listener of roleListeners) listener(seatStore)
    expect(heard).toEqual([])

    await settings.update({ doNotDisturb: { enabled: true } })
    expect(seatStore.get().doNotDisturb.enabled).toBe(true)
    expect(heard.map((s) => s.doNotDisturb.enabled)).toEqual([true])
    // The old store no longer speaks to the listener.
    await hubStore.update({ startAtLogin: true })
    expect(heard).toHaveLength(1)

    off()
    expect(roleListeners.size).toBe(0)
    await settings.update({ doNotDisturb: { enabled: false } })
    expect(heard).toHaveLength(1)
  })

  it('tells a listener what the new role reads differently', async () => {
    const before = await SettingsStore.open(dir, silentLogger)
    let current: DeskSettings = before
    let switchTo: (next: DeskSettings) => void = () => undefined
    const settings = roleSettings({
      current: () => current,
      onChange: (listener) => {
        switchTo = listener
        return () => undefined
      }
    })
    const heard: [boolean, boolean][] = []
    settings.onChange((next, previous) =>
      heard.push([next.doNotDisturb.enabled, previous.doNotDisturb.enabled])
    )
    const other = join(dir, 'other')
    const after = await SettingsStore.open(other, silentLogger)
    await after.update({ doNotDisturb: { enabled: true } })
    current = after
    switchTo(after)
    expect(heard).toEqual([[true, false]])
  })
})
