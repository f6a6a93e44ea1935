import { describe, expect, it, vi } from 'vitest'
import type { CoreStatus } from '../../../../src/shared/api'
import type { Call } from '../../../../src/shared/calls'
import { REGISTRATION_IDLE, type TunnelStatus } from '../../../../src/shared/tunnel'
import {
  createTray,
  trayExpected,
  trayGuid,
  trayMenuTemplate,
  type TrayActions,
  type TrayMenuState
} from '../../../../src/main/desktop/tray/tray'
import {
  MAX_TOOLTIP,
  deriveTrayView,
  type TrayView
} from '../../../../src/main/desktop/tray/tray-state'
import { translator } from '../../../../src/shared/i18n/translate'
import { createFakeElectron } from '../../../mocks/electron'

const en = translator('en')
const es = translator('es')

const READY: CoreStatus = {
  page: { configured: true, pageId: '42' },
  webhookUrl: 'http://127.0.0.1:47800/webhook',
  publicUrl: 'https://desk.example.com',
  tunnel: { state: 'up', url: 'https://desk.example.com' },
  registration: REGISTRATION_IDLE
}

const base = { pageId: '42', direction: 'inbound' as const, startedAt: 0 }
const ringing = (id: string, name?: string): Call => ({
  ...base,
  id,
  caller: { psid: `p-${id}`, name },
  state: 'ringing',
  ringDeadline: 50_000
})
const connected = (id: string, name?: string): Call => ({
  ...base,
  id,
  caller: { psid: `p-${id}`, name },
  state: 'connected',
  answeredBy: 'window-1',
  connectedAt: 1
})
const answering = (id: string): Call => ({
  ...base,
  id,
  caller: { psid: `p-${id}`, name: 'Ada' },
  state: 'answering',
  answeredBy: 'window-2'
})

function view(
  calls: Call[],
  status: Partial<CoreStatus> = {},
  doNotDisturb = false,
  t = en
): TrayView {
  return deriveTrayView({
    calls,
    status: { ...READY, ...status },
    doNotDisturb,
    appName: 'Softphone',
    t
  })
}

describe('tray state', () => {
  it.each<[string, TrayView, TrayView]>([
    ['ready', view([]), { state: 'idle', tooltip: 'Softphone: Ready for calls' }],
    [
      'ready, do not disturb',
      view([], {}, true),
      { state: 'idle', tooltip: 'Softphone: Ready for calls (do not disturb)' }
    ],
    [
      'ready, outside business hours, calls quiet',
      view([], {
        hours: {
          calls: 'quiet',
          opensAt: Date.parse('2026-12-07T08:00:00Z'),
          timeZone: 'Europe/Madrid'
        }
      }),
      {
        state: 'idle',
        tooltip: 'Softphone: Ready for calls (closed until Mon 09:00: calls ring out quietly)'
      }
    ],
    [
      'ready, outside business hours, calls declined, never opening',
      view([], { hours: { calls: 'decline', opensAt: null, timeZone: 'UTC' } }),
      {
        state: 'idle',
        tooltip: 'Softphone: Ready for calls (no opening hours: calls are declined)'
      }
    ],
    [
      'outside business hours in do not disturb: do not disturb decides',
      view([], { hours: { calls: 'decline', opensAt: null, timeZone: 'UTC' } }, true),
      { state: 'idle', tooltip: 'Softphone: Ready for calls (do not disturb)' }
    ],
    [
      'a named caller ringing',
      view([ringing('a', 'Ada Lovelace')]),
      { state: 'ringing', tooltip: 'Softphone: Ada Lovelace is calling' }
    ],
    [
      'an unnamed caller ringing',
      view([ringing('a')]),
      { state: 'ringing', tooltip: 'Softphone: Messenger caller is calling' }
    ],
    [
      'in Spanish, two ringing while quiet',
      view([ringing('a', 'Ada'), ringing('b', 'Grace')], {}, true, es),
      { state: 'ringing', tooltip: 'Softphone: Ada está llamando (y 1 más) (no molestar)' }
    ],
    [
      'the test line’s caller, in the shell’s language whatever its profile says',
      view([{ ...ringing('t', 'Test caller'), test: true }], {}, false, es),
      { state: 'ringing', tooltip: 'Softphone: Cliente de prueba está llamando' }
    ],
    [
      'in Spanish, outside business hours, calls declined',
      view(
        [],
        {
          hours: {
            calls: 'decline',
            opensAt: Date.parse('2026-12-07T08:00:00Z'),
            timeZone: 'Europe/Madrid'
          }
        },
        false,
        es
      ),
      {
        state: 'idle',
        tooltip:
          'Softphone: Listo para recibir llamadas (cerrado hasta lun, 09:00: las llamadas se rechazan)'
      }
    ],
    [
      'in Spanish, an unnamed caller in a call',
      view([connected('a')], {}, false, es),
      { state: 'in-call', tooltip: 'Softphone: En llamada con Cliente de Messenger' }
    ],
    [
      'in Spanish, not set up',
      view([], { page: { configured: false } }, false, es),
      {
        state: 'offline',
        tooltip: 'Softphone: Sin configurar: abra la aplicación para conectar su página de Facebook'
      }
    ],
    [
      'two ringing',
      view([ringing('a', 'Ada'), ringing('b', 'Grace')]),
      { state: 'ringing', tooltip: 'Softphone: Ada is calling (+1 more)' }
    ],
    [
      'in a call',
      view([connected('a', 'Ada')]),
      { state: 'in-call', tooltip: 'Softphone: In a call with Ada' }
    ],
    [
      'answering',
      view([answering('a')]),
      { state: 'in-call', tooltip: 'Softphone: In a call with Ada' }
    ],
    [
      'a new call ringing during a call: the one needing action wins',
      view([connected('a', 'Ada'), ringing('b', 'Grace')]),
      { state: 'ringing', tooltip: 'Softphone: Grace is calling' }
    ],
    [
      'ringing even while offline (it did arrive)',
      view([ringing('a', 'Ada')], { webhookUrl: null }),
      { state: 'ringing', tooltip: 'Softphone: Ada is calling' }
    ]
  ])('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected)
  })

  it.each<[string, Partial<CoreStatus>, RegExp]>([
    ['no Page', { page: { configured: false } }, /Not set up/],
    ['no listener', { webhookUrl: null }, /did not start/],
    [
      'tunnel failing',
      {
        tunnel: { state: 'reconnecting', attempt: 2, retryInMs: 4000, lastError: 'server gone' },
        publicUrl: null
      },
      /Reconnecting in 4 s: server gone/
    ],
    [
      'tunnel refused',
      { tunnel: { state: 'error', message: 'That subdomain is taken' } },
      /That subdomain is taken/
    ],
    [
      'an http tunnel address',
      {
        tunnel: { state: 'up', url: 'http://lt.example/x', warning: 'Facebook only calls https.' },
        publicUrl: 'http://lt.example/x'
      },
      /Facebook only calls https/
    ],
    [
      'no public URL',
      { tunnel: { state: 'off' } as TunnelStatus, publicUrl: null },
      /cannot reach this computer/
    ],
    [
      'Facebook unreachable',
      {
        pageHealth: {
          state: 'failed',
          checkedAt: 1,
          problem: 'unreachable',
          message: "Can't reach Facebook: check the internet connection."
        }
      },
      /Can't reach Facebook: check the internet connection/
    ],
    ['Page not checked yet', { pageHealth: { state: 'checking' } }, /Checking the Page/]
  ])('offline: %s', (_name, status, tooltip) => {
    const result = view([], status)
    expect(result.state).toBe('offline')
    expect(result.tooltip).toMatch(tooltip)
  })

  it('says an http address’s warning in the desk’s language, from its words', () => {
    const tunnel: TunnelStatus = {
      state: 'up',
      url: 'http://lt.example/x',
      warning: 'The tunnel gave an http address (http://lt.example/x), but…',
      warningWords: { key: 'tunnel.httpFromTunnel', params: { url: 'http://lt.example/x' } }
    }
    const status = { tunnel, publicUrl: 'http://lt.example/x' }
    expect(view([], status, false, es).tooltip).toMatch(
      /^Softphone: El túnel dio una dirección http \(http:\/\/lt\.example\/x\), pero Facebook/
    )
    expect(view([], status).tooltip).toMatch(/^Softphone: The tunnel gave an http address \(/)
  })

  it('fits the Windows tooltip limit', () => {
    const long = view([ringing('a', 'A'.repeat(300))])
    expect(long.tooltip.length).toBe(MAX_TOOLTIP)
    expect(long.tooltip.endsWith('…')).toBe(true)
  })
})

function actions(overrides: Partial<TrayActions> = {}): TrayActions & { log: string[] } {
  const log: string[] = []
  return {
    log,
    open: () => log.push('open'),
    setDoNotDisturb: (on) => log.push(`dnd:${on}`),
    setStartAtLogin: (on) => log.push(`login:${on}`),
    quit: () => log.push('quit'),
    ...overrides
  }
}

describe('tray menu', () => {
  const state: TrayMenuState = { doNotDisturb: false, startAtLogin: true }

  it('lists Open, Test call, Do not disturb, Start at login and Quit', () => {
    const labels = trayMenuTemplate('Softphone', state, actions(), en).map(
      (item) => item.label ?? item.type
    )
    expect(labels).toEqual([
      'Open Softphone',
      'separator',
      'Test call (not available yet)',
      'Do not disturb',
      'Start at login',
      'separator',
      'Quit'
    ])
  })

  it('speaks Spanish when the desk does', () => {
    const labels = trayMenuTemplate('Softphone', state, actions({ startTestCall: vi.fn() }), es)
      .filter((item) => item.type !== 'separator')
      .map((item) => item.label)
    expect(labels).toEqual([
      'Abrir Softphone',
      'Llamada de prueba',
      'No molestar',
      'Abrir al iniciar sesión',
      'Salir'
    ])
  })

  it('greys out Test call until the hook exists, then calls it', () => {
    const without = trayMenuTemplate('S', state, actions(), en)
    expect(without.find((i) => i.label?.startsWith('Test call'))?.enabled).toBe(false)
    const startTestCall = vi.fn()
    const electron = createFakeElectron()
    createTray({
      electron,
      iconPath: (s) => `/icons/${s}.png`,
      platform: 'linux',
      appName: 'S',
      initial: { state: 'idle', tooltip: 'S' },
      menuState: () => state,
      actions: actions({ startTestCall }),
      t: en
    })
    electron.created.trays[0]?.contextMenu?.click('Test call')
    expect(startTestCall).toHaveBeenCalledOnce()
  })

  it('has no Start at login where the platform cannot set one', () => {
    const items = trayMenuTemplate(
      'S',
      { doNotDisturb: true, startAtLogin: undefined },
      actions(),
      en
    )
    expect(items.some((i) => i.label === 'Start at login')).toBe(false)
    expect(items.find((i) => i.label === 'Do not disturb')).toMatchObject({
      type: 'checkbox',
      checked: true
    })
  })
})

describe('tray icon', () => {
  function tray(platform: NodeJS.Platform = 'win32', guid?: string) {
    const electron = createFakeElectron()
    let menuState: TrayMenuState = { doNotDisturb: false, startAtLogin: false }
    const acts = actions()
    const shell = createTray({
      electron,
      iconPath: (state) => `/icons/${state}.png`,
      platform,
      appName: 'S',
      guid,
      initial: { state: 'offline', tooltip: 'S: starting' },
      menuState: () => menuState,
      actions: acts,
      t: en
    })
    const fake = electron.created.trays[0]
    if (!fake) throw new Error('no tray')
    return { shell, fake, acts, setMenu: (next: TrayMenuState) => (menuState = next) }
  }

  it('switches icon and tooltip with the state', () => {
    const { shell, fake } = tray()
    expect(fake.image.path).toBe('/icons/offline.png')
    expect(fake.tooltip).toBe('S: starting')
    for (const state of ['idle', 'ringing', 'in-call', 'offline'] as const) {
      shell.setView({ state, tooltip: `S: ${state}` })
      expect(fake.image.path).toBe(`/icons/${state}.png`)
      expect(fake.tooltip).toBe(`S: ${state}`)
    }
  })

  it('passes menu clicks on, with the new checkbox value', () => {
    const { fake, acts } = tray()
    fake.contextMenu?.click('Open')
    fake.contextMenu?.click('Do not disturb')
    fake.contextMenu?.click('Start at login')
    fake.contextMenu?.click('Quit')
    expect(acts.log).toEqual(['open', 'dnd:true', 'login:true', 'quit'])
  })

  it('rebuilds the menu from the current settings', () => {
    const { shell, fake, setMenu } = tray()
    setMenu({ doNotDisturb: true, startAtLogin: false })
    shell.refreshMenu()
    expect(fake.contextMenu?.item('Do not disturb')?.checked).toBe(true)
  })

  it('opens the app on click on Windows and Linux, not on macOS (the menu opens there)', () => {
    const win = tray('win32')
    win.fake.emit('click')
    expect(win.acts.log).toEqual(['open'])
    const mac = tray('darwin')
    mac.fake.emit('click')
    expect(mac.acts.log).toEqual([])
  })

  it('passes a GUID only when it has one, and reports bounds only when known', () => {
    const plain = tray('win32')
    expect(plain.fake.constructorArity).toBe(1)
    expect(plain.shell.bounds()).toBeUndefined()
    plain.fake.bounds = { x: 1800, y: 1050, width: 24, height: 24 }
    expect(plain.shell.bounds()).toEqual({ x: 1800, y: 1050, width: 24, height: 24 })
    const guid = trayGuid('com.example.app', 'C:\\Program Files\\App\\app.exe')
    expect(tray('win32', guid).fake.guid).toBe(guid)
  })

  it('is destroyed once and then ignores updates', () => {
    const { shell, fake } = tray()
    shell.destroy()
    shell.destroy()
    expect(fake.destroyed).toBe(true)
    shell.setView({ state: 'ringing', tooltip: 'x' })
    expect(fake.image.path).toBe('/icons/offline.png')
  })
})

describe('tray GUID and availability', () => {
  it('derives a stable v5-shaped GUID per install location', () => {
    const a = trayGuid('com.example.app', 'C:\\Apps\\a.exe')
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(trayGuid('com.example.app', 'C:\\Apps\\a.exe')).toBe(a)
    expect(trayGuid('com.example.app', 'D:\\Apps\\a.exe')).not.toBe(a)
  })

  it.each<[NodeJS.Platform, string | undefined, boolean]>([
    ['win32', undefined, true],
    ['darwin', undefined, true],
    ['linux', 'KDE', true],
    ['linux', 'ubuntu:GNOME', true],
    ['linux', 'pop:GNOME', true],
    ['linux', 'XFCE', true],
    ['linux', 'GNOME', false],
    ['linux', undefined, true]
  ])('%s %s: tray %s', (platform, desktop, expected) => {
    expect(trayExpected(platform, desktop ? { XDG_CURRENT_DESKTOP: desktop } : {})).toBe(expected)
  })
})
