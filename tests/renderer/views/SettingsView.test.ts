/**
 * The Settings view against a fake service: each control sends the patch it should (and nothing
 * else), a refusal from the core shows as a sentence under the control, the theme applies to the
 * app at once, and the desktop-only start at login is not offered in a browser.
 */
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ServiceError } from '../../../src/shared/api'
import type { Settings, SettingsPatch } from '../../../src/shared/settings'
import { settingsSchema } from '../../../src/shared/settings'
import App from '../../../src/renderer/src/App.vue'
import { useSoftphoneBridge } from '../../../src/renderer/src/services/softphone'
import { useDevicesStore } from '../../../src/renderer/src/stores/devices'
import { useNavigationStore } from '../../../src/renderer/src/stores/navigation'
import { useSettingsStore } from '../../../src/renderer/src/stores/settings'
import SettingsView from '../../../src/renderer/src/views/SettingsView.vue'
import { button } from '../support/dom'
import { FakeSoftphone } from '../support/fake-softphone'
import { device, installFakeMedia, type FakeMedia } from '../support/fake-webrtc'
import { fakeShell } from '../support/fake-shell'

let media: FakeMedia
let service: FakeSoftphone

enableAutoUnmount(afterEach)

/** The store's merge, in short: objects merge, null deletes, the rest replaces; then the schema. */
function merge(base: Record<string, unknown>, patch: Record<string, unknown>) {
  const out: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key]
    else if (typeof value === 'object' && !Array.isArray(value)) {
      out[key] = merge(
        (out[key] ?? {}) as Record<string, unknown>,
        value as Record<string, unknown>
      )
    } else if (value !== undefined) out[key] = value
  }
  return out
}

beforeEach(() => {
  media = installFakeMedia()
  media.devices.devices = [
    device('audioinput', 'usb-mic', 'USB microphone'),
    device('audiooutput', 'headset', 'Headset'),
    device('audiooutput', 'speakers', 'Speakers')
  ]
  service = new FakeSoftphone()
  service.respond('updateSettings', (patch) => {
    const next: Settings = settingsSchema.parse(merge(service.settings, patch as SettingsPatch))
    service.settings = next
    return next
  })
  useSoftphoneBridge(service.bridge)
})

afterEach(() => {
  delete window.softphone
  delete window.shell
  media.uninstall()
})

async function mountSettings(): Promise<VueWrapper> {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useSettingsStore().load()
  await useDevicesStore().refresh()
  const wrapper = mount(SettingsView, { global: { plugins: [pinia] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const patches = (): unknown[] => service.requests('updateSettings')

async function change(wrapper: VueWrapper, selector: string, value: string): Promise<void> {
  const field = wrapper.get(selector)
  ;(field.element as HTMLInputElement).value = value
  await field.trigger('input')
  await field.trigger('change')
  await flushPromises()
}

const group = (wrapper: VueWrapper, title: string) => wrapper.get(`section[aria-label="${title}"]`)

describe('SettingsView: each control sends its patch', () => {
  it('audio devices: microphone, speaker and a separate ringer, or the system default', async () => {
    const wrapper = await mountSettings()
    const mic = wrapper.get('#settings-input')
    expect(mic.findAll('option').map((option) => option.text())).toEqual([
      'System default',
      'USB microphone'
    ])
    await change(wrapper, '#settings-input', 'usb-mic')
    await change(wrapper, '#settings-output', 'headset')
    await change(wrapper, '#settings-ringer', 'speakers')
    await change(wrapper, '#settings-input', '')
    expect(patches()).toEqual([
      { audio: { inputDeviceId: 'usb-mic' } },
      { audio: { outputDeviceId: 'headset' } },
      { audio: { ringerDeviceId: 'speakers' } },
      { audio: { inputDeviceId: null } }
    ])
    expect((wrapper.get('#settings-ringer').element as HTMLSelectElement).value).toBe('speakers')
  })

  it('keeps a saved device that is unplugged selected, and says the default is used', async () => {
    service.settings = settingsSchema.parse({ audio: { outputDeviceId: 'old-headset' } })
    const wrapper = await mountSettings()
    expect((wrapper.get('#settings-output').element as HTMLSelectElement).value).toBe('old-headset')
    expect(wrapper.text()).toContain('the system default is used until it is plugged in again')
  })

  it('plays the test sounds on the chosen speaker and ringer', async () => {
    service.settings = settingsSchema.parse({
      audio: { outputDeviceId: 'headset', ringerDeviceId: 'speakers', ringVolume: 0.5 }
    })
    const wrapper = await mountSettings()
    await button(wrapper, 'Test speaker').trigger('click')
    await flushPromises()
    expect(media.setSinkId).toHaveBeenLastCalledWith('headset')
    await button(wrapper, 'Test ringer').trigger('click')
    await flushPromises()
    expect(media.setSinkId).toHaveBeenLastCalledWith('speakers')
    const played = media.played() as HTMLAudioElement[]
    expect(played).toHaveLength(2)
    // Played once, not looped like a real ring; the first one was cut short by the second.
    expect(played.map((audio) => audio.loop)).toEqual([false, false])
    expect(played[0]?.paused).toBe(true)
    expect(played[1]?.volume).toBe(0.5)
    expect(patches()).toEqual([])
  })

  it('ringtone and ring volume: saved, then previewed on the ringer', async () => {
    const wrapper = await mountSettings()
    const names = wrapper.get('#settings-ringtone').findAll('option')
    expect(names.map((option) => option.text())).toEqual([
      'Classic two-tone',
      'Soft chime',
      'Digital beep'
    ])
    await change(wrapper, '#settings-ringtone', 'chime')
    await change(wrapper, '#settings-ring-volume', '40')
    expect(patches()).toEqual([{ audio: { ringtone: 'chime' } }, { audio: { ringVolume: 0.4 } }])
    const played = media.played() as HTMLAudioElement[]
    expect(played).toHaveLength(2)
    expect(played[1]?.volume).toBe(0.4)
    expect(wrapper.get('label[for="settings-ring-volume"]').text()).toContain('40 %')
  })

  it('open the microphone while ringing: off by default, and says what it does', async () => {
    const wrapper = await mountSettings()
    const audio = group(wrapper, 'Audio')
    const openMic = audio.get('input[type="checkbox"]')
    expect((openMic.element as HTMLInputElement).checked).toBe(false)
    expect(audio.text()).toContain('microphone indicator lights up while a call rings')
    await openMic.setValue(true)
    await flushPromises()
    expect(patches()).toEqual([{ audio: { openMicWhileRinging: true } }])
  })

  it('ring time and Do not disturb with its action', async () => {
    const wrapper = await mountSettings()
    await change(wrapper, '#settings-ring-timeout', '30')
    const calls = group(wrapper, 'Calls')
    await calls.get('input[type="checkbox"]').setValue(true)
    await calls.get('input[name="settings-dnd-action"][value="decline"]').setValue(true)
    await flushPromises()
    expect(patches()).toEqual([
      { ringTimeoutSeconds: 30 },
      { doNotDisturb: { enabled: true } },
      { doNotDisturb: { action: 'decline' } }
    ])
    expect(calls.text()).toContain('Calls still appear in history')
  })

  it('does not send a ring time that is not a number, and says what would do', async () => {
    const wrapper = await mountSettings()
    await change(wrapper, '#settings-ring-timeout', '')
    expect(patches()).toEqual([])
    expect(group(wrapper, 'Calls').get('[role="alert"]').text()).toBe(
      'Ring time must be a number of seconds above 0, at most 55.'
    )
  })

  it('tunnel: the mode, then its own fields; the current status is shown', async () => {
    service.status = {
      ...service.status,
      tunnel: { state: 'reconnecting', attempt: 2, retryInMs: 4000, lastError: 'Server busy' }
    }
    const wrapper = await mountSettings()
    const connection = group(wrapper, 'Connection')
    expect(connection.get('[data-testid="tunnel-status"]').text()).toContain(
      'Reconnecting in 4 s: Server busy'
    )
    expect(wrapper.find('#settings-tunnel-host').exists()).toBe(false)
    await connection.get('input[name="settings-tunnel-mode"][value="localtunnel"]').setValue(true)
    await flushPromises()
    await change(wrapper, '#settings-tunnel-host', 'https://lt.example.com')
    await change(wrapper, '#settings-tunnel-subdomain', 'my-shop')
    await change(wrapper, '#settings-tunnel-subdomain', '  ')
    await connection.get('input[name="settings-tunnel-mode"][value="own-url"]').setValue(true)
    await flushPromises()
    await change(wrapper, '#settings-public-url', 'https://calls.example.com')
    expect(patches()).toEqual([
      { tunnel: { mode: 'localtunnel' } },
      { tunnel: { host: 'https://lt.example.com' } },
      { tunnel: { subdomain: 'my-shop' } },
      { tunnel: { subdomain: null } },
      { tunnel: { mode: 'own-url' } },
      { tunnel: { publicUrl: 'https://calls.example.com' } }
    ])
  })

  it('tunnel: an http address shows the warning instead of “reachable”', async () => {
    const warning =
      'The tunnel gave an http address (http://lt.example/x), but Facebook only calls https addresses: calls cannot arrive.'
    service.status = {
      ...service.status,
      tunnel: { state: 'up', url: 'http://lt.example/x', warning }
    }
    const wrapper = await mountSettings()
    const line = group(wrapper, 'Connection').get('[data-testid="tunnel-status"]').text()
    expect(line).toContain(warning)
    expect(line).not.toContain('Reachable at')
  })

  it('STUN and TURN servers', async () => {
    const wrapper = await mountSettings()
    await change(wrapper, '#settings-stun', 'stun:one.example.com:3478\nstun:two.example.com')
    await change(wrapper, '#settings-turn-url', 'turn:turn.example.com:3478')
    await change(wrapper, '#settings-turn-user', 'desk')
    await change(wrapper, '#settings-turn-credential', 'pw')
    await button(wrapper, 'Save TURN server').trigger('click')
    await flushPromises()
    // Write-only: the password went to the secret store, and the box is empty again.
    const password = wrapper.get<HTMLInputElement>('#settings-turn-credential')
    expect(password.element.value).toBe('')
    expect(password.attributes('placeholder')).toContain('Saved')
    await change(wrapper, '#settings-turn-url', '')
    await button(wrapper, 'Save TURN server').trigger('click')
    await flushPromises()
    expect(patches()).toEqual([
      { ice: { stunUrls: ['stun:one.example.com:3478', 'stun:two.example.com'] } },
      { ice: { turn: { url: 'turn:turn.example.com:3478', username: 'desk' } } },
      { ice: { turn: null } }
    ])
    // Asked once whether one is saved, then set, then removed with the server.
    expect(service.requests('turnPassword')).toEqual([{}, { password: 'pw' }, { password: null }])
  })

  it('says in one sentence that a Graph address in the settings file is ignored', async () => {
    service.status = { ...service.status, ignoredGraphUrl: 'https://graph.evil.example' }
    const wrapper = await mountSettings()
    const note = wrapper.get('[data-testid="ignored-graph-address"]').text()
    expect(note).toContain('https://graph.evil.example')
    expect(note).toContain('GRAPH_API_URL')
    expect(note.match(/[.!?](\s|$)/g)).toHaveLength(1)
  })

  it('theme', async () => {
    const wrapper = await mountSettings()
    await group(wrapper, 'Appearance')
      .get('input[name="settings-theme"][value="dark"]')
      .setValue(true)
    await flushPromises()
    expect(patches()).toEqual([{ theme: 'dark' }])
  })
})

describe('SettingsView: refusals and the desktop', () => {
  it('shows the core’s refusal under the control, in a sentence, until a change is saved', async () => {
    const wrapper = await mountSettings()
    await wrapper.get('input[name="settings-tunnel-mode"][value="localtunnel"]').setValue(true)
    await flushPromises()
    service.fail(
      'updateSettings',
      new ServiceError(
        'invalid-request',
        'Invalid setting "tunnel.host": must be an http(s) URL without a query'
      )
    )
    await change(wrapper, '#settings-tunnel-host', 'ftp://nope')
    const field = wrapper.get('#settings-tunnel-host').element.parentElement!
    expect(field.querySelector('[role="alert"]')?.textContent).toBe(
      'Tunnel server must be an http(s) URL without a query.'
    )
    // The rest of the view carries on; the box keeps what was typed, to be corrected.
    expect((wrapper.get('#settings-tunnel-host').element as HTMLInputElement).value).toBe(
      'ftp://nope'
    )
    service.respond('updateSettings', () => service.settings)
    await change(wrapper, '#settings-tunnel-host', 'https://lt.example.com')
    expect(field.querySelector('[role="alert"]')).toBeNull()
  })

  it('offers start at login in the desktop app only', async () => {
    let wrapper = await mountSettings()
    expect(wrapper.text()).not.toMatch(/^.*Start at login\s*$/m)
    expect(group(wrapper, 'Calls').findAll('input[type="checkbox"]')).toHaveLength(2)
    expect(wrapper.get('[data-testid="start-at-login-browser"]').text()).toContain(
      'available in the desktop app'
    )
    wrapper.unmount()

    window.shell = fakeShell()
    const agent = vi.spyOn(navigator, 'userAgent', 'get')
    agent.mockReturnValue('Mozilla/5.0 (Windows NT 10.0; Win64; x64) Electron/45.5.0')
    wrapper = await mountSettings()
    expect(wrapper.find('[data-testid="start-at-login-browser"]').exists()).toBe(false)
    const toggles = group(wrapper, 'Calls').findAll('input[type="checkbox"]')
    expect(toggles).toHaveLength(3)
    await toggles[2]!.setValue(true)
    await flushPromises()
    expect(patches()).toEqual([{ startAtLogin: true }])
    wrapper.unmount()

    // Linux too: the desktop app writes an XDG autostart entry there.
    agent.mockReturnValue('Mozilla/5.0 (X11; Linux x86_64) Electron/45.5.0')
    wrapper = await mountSettings()
    const linux = group(wrapper, 'Calls').findAll('input[type="checkbox"]')[2]!
    expect((linux.element as HTMLInputElement).disabled).toBe(false)
    expect(group(wrapper, 'Calls').text()).toContain('Starts in the tray when you log in')
    agent.mockRestore()
  })

  it('reconnects the Page through Page setup, and removes it after a confirmation', async () => {
    service.respond('removePage', () => ({
      configured: false,
      hasToken: false,
      hasAppSecret: false
    }))
    const wrapper = await mountSettings()
    const page = group(wrapper, 'Facebook Page')
    expect(page.text()).toContain('Connected to the Page 1001')
    await button(page, 'Reconnect the Page').trigger('click')
    expect(useNavigationStore().view).toBe('setup')

    await button(page, 'Remove the Page').trigger('click')
    expect(service.requests('removePage')).toEqual([])
    // The asking button is gone: the keyboard lands on the safe answer, and comes back after it.
    expect(document.activeElement).toBe(button(page, 'Keep the Page').element)
    await button(page, 'Keep the Page').trigger('click')
    await flushPromises()
    expect(document.activeElement).toBe(button(page, 'Remove the Page').element)
    await button(page, 'Remove the Page').trigger('click')
    await button(page, 'Remove').trigger('click')
    await flushPromises()
    expect(service.requests('removePage')).toEqual([{}])
    expect(page.text()).toContain('The Page was removed')
  })

  it("this desk's name: blank by default (the computer's name), saved trimmed, refusals said", async () => {
    const wrapper = await mountSettings()
    const page = group(wrapper, 'Facebook Page')
    const field = page.get('#settings-desk-name')
    expect(page.get('label[for="settings-desk-name"]').text()).toBe("This desk's name")
    expect(field.attributes('placeholder')).toBe("This computer's name")
    expect((field.element as HTMLInputElement).value).toBe('')

    await change(wrapper, '#settings-desk-name', '  Front desk ')
    expect(patches()).toEqual([{ desk: { name: 'Front desk' } }])
    expect(service.settings.desk.name).toBe('Front desk')

    service.fail(
      'updateSettings',
      new ServiceError(
        'invalid-request',
        'Invalid setting "desk.name": must be at most 60 characters'
      )
    )
    await change(wrapper, '#settings-desk-name', 'x'.repeat(61))
    expect(page.get('[role="alert"]').text()).toBe(
      "This desk's name must be at most 60 characters."
    )

    // Named in another window: the box follows.
    service.emit('settings', settingsSchema.parse({ desk: { name: 'Back office' } }))
    await flushPromises()
    expect((field.element as HTMLInputElement).value).toBe('Back office')
  })

  it('says why the Page could not be removed', async () => {
    service.fail('removePage', new ServiceError('internal', 'The secrets could not be deleted.'))
    const wrapper = await mountSettings()
    await button(wrapper, 'Remove the Page').trigger('click')
    await button(wrapper, 'Remove').trigger('click')
    await flushPromises()
    expect(group(wrapper, 'Facebook Page').get('[role="alert"]').text()).toBe(
      'The secrets could not be deleted.'
    )
  })
})

describe('the theme applies to the whole app at once', () => {
  it('switches the app root between dark, light and system, also when another window changes it', async () => {
    window.softphone = service.bridge
    const wrapper = mount(App, { global: { plugins: [createPinia()] }, attachTo: document.body })
    await flushPromises()
    const root = () => wrapper.get('.app').attributes('data-theme')
    expect(root()).toBe('system')
    await button(wrapper, 'Settings').trigger('click')
    await wrapper.get('input[name="settings-theme"][value="dark"]').setValue(true)
    await flushPromises()
    expect(root()).toBe('dark')
    await wrapper.get('input[name="settings-theme"][value="light"]').setValue(true)
    await flushPromises()
    expect(root()).toBe('light')
    service.emit('settings', settingsSchema.parse({ theme: 'system' }))
    await flushPromises()
    expect(root()).toBe('system')
    expect(
      (wrapper.get('input[name="settings-theme"][value="system"]').element as HTMLInputElement)
        .checked
    ).toBe(true)
  })
})

describe('SettingsView: settings fixed by the environment', () => {
  it('says which settings environment variables fix for this run, and shows nothing otherwise', async () => {
    let wrapper = await mountSettings()
    expect(wrapper.find('[role="note"]').exists()).toBe(false)
    wrapper.unmount()

    service.status = {
      ...service.status,
      pinned: [
        { setting: 'ringTimeoutSeconds', variables: ['SOFTPHONE_RING_TIMEOUT_S'] },
        { setting: 'tunnel', variables: ['TUNNEL', 'PUBLIC_URL'] }
      ]
    }
    wrapper = await mountSettings()
    const note = wrapper.get('[role="note"]')
    expect(note.text()).toContain('Fixed for this run by environment variables')
    expect(note.findAll('li').map((item) => item.text())).toEqual([
      'Ring for (SOFTPHONE_RING_TIMEOUT_S)',
      'Public address (TUNNEL, PUBLIC_URL)'
    ])
  })
})

describe('SettingsView: what the core could not read in settings.json', () => {
  const MOVED =
    'settings.json could not be read (it is not valid JSON), so the app started on the default settings; the file was kept as /data/settings.unreadable-2026-12-05T23-40-12Z.json.'
  const OTHER = 'Another sentence about the settings file.'
  const note = (wrapper: VueWrapper) =>
    wrapper.find('[role="note"][aria-label="The settings file"]')

  it('shows each sentence the core sends, and nothing when the file was read', async () => {
    let wrapper = await mountSettings()
    expect(note(wrapper).exists()).toBe(false)
    wrapper.unmount()

    service.status = { ...service.status, notices: { history: [], settings: [MOVED, OTHER] } }
    wrapper = await mountSettings()
    expect(
      note(wrapper)
        .findAll('p')
        .map((sentence) => sentence.text())
    ).toEqual([MOVED, OTHER])
  })
})
