/**
 * Roles enforced by the service (issue 13, item 6): a seat works calls and reads history; the Page,
 * its secrets, the hub-wide settings, the tunnel, the webhook and onboarding are the owner's. Each
 * refusal is proved at `dispatch`, before any handler runs, and the owner is refused nothing.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { CommandName, EventMessage } from '../../../../src/shared/api'
import { COMMAND_NAMES } from '../../../../src/shared/api-names'
import type { CallPermissionInfo } from '../../../../src/shared/callback'
import type { HistoryRecord } from '../../../../src/shared/calls'
import { defaultSettings, type Settings } from '../../../../src/shared/settings'
import { CallRegistry } from '../../../../src/main/core/calls'
import { CALL_BACK_NOT_ALLOWED, OWNER_ONLY } from '../../../../src/main/core/service/command-policy'
import type { CallBackPort, SettingsPort } from '../../../../src/main/core/service/ports'
import {
  SoftphoneService,
  type ClientHandle
} from '../../../../src/main/core/service/softphone-service'
import { connect } from '../calls/fixtures'
import { emptyHistory, quietServiceDeps } from './service-fixtures'

/** A request each command accepts; the owner-only ones are refused to a seat before it is read. */
const REQUESTS: Record<CommandName, unknown> = {
  listCallBackTasks: {},
  claimCallBackTask: { psid: 'psid-1' },
  releaseCallBackTask: { psid: 'psid-1' },
  closeCallBackTask: { psid: 'psid-1' },
  reopenCallBackTask: { psid: 'psid-1' },
  hello: {},
  listCalls: {},
  accept: { callId: 'c_1', sdp: 'v=0 offer' },
  decline: { callId: 'c_1' },
  hangUp: { callId: 'c_1' },
  reportMediaFailure: { callId: 'c_1', reason: 'no microphone' },
  listHistory: {},
  getStatus: {},
  getSettings: {},
  updateSettings: { theme: 'dark' },
  getIceServers: { callId: 'c_1' },
  turnPassword: {},
  startTestCall: {},
  reportCallQuality: { callId: 'c_1', rttMs: 20 },
  getMissedCalls: {},
  markHistorySeen: {},
  getCallerPhotos: { psids: [] },
  getPageConnection: {},
  saveCredentials: { pageId: '1', appId: '2' },
  removePage: {},
  runSetupChecks: {},
  fixSetup: { action: 'subscribe-page' },
  checkCallPermission: { psid: 'psid-1' },
  requestCallPermission: { psid: 'psid-1' },
  placeCall: { psid: 'psid-1', sdp: 'v=0 offer' },
  takeOverWebhook: {},
  listDesks: {},
  addDesk: { name: 'Front desk' },
  removeDesk: { name: 'Front desk' },
  joinHub: { invitation: 'https://hub.example/#msp1.a.b.c', forgetPage: true },
  leaveHub: {},
  listPastHistory: {},
  getBusinessHours: {},
  saveBusinessHours: {
    hours: {
      timeZone: 'UTC',
      weekly: {
        MONDAY: [{ open: '09:00', close: '17:00' }],
        TUESDAY: [],
        WEDNESDAY: [],
        THURSDAY: [],
        FRIDAY: [],
        SATURDAY: [],
        SUNDAY: []
      },
      holidays: []
    }
  },
  sendCallButton: { psid: 'psid-1' }
}

/** What the issue keeps from seats, written out here so a change to the table is a choice. */
const OWNER_ONLY_COMMANDS: CommandName[] = [
  'getSettings',
  'updateSettings',
  'turnPassword',
  'getPageConnection',
  'saveCredentials',
  'removePage',
  'runSetupChecks',
  'fixSetup',
  'takeOverWebhook',
  'listDesks',
  'addDesk',
  'removeDesk',
  'joinHub',
  'getBusinessHours',
  'saveBusinessHours',
  'sendCallButton'
]
const CALL_BACK_COMMANDS: CommandName[] = [
  'checkCallPermission',
  'requestCallPermission',
  'placeCall'
]

const PERMISSION: CallPermissionInfo = { status: 'granted' } as unknown as CallPermissionInfo

function client(id: string, extra: Partial<ClientHandle> = {}) {
  const received: EventMessage[] = []
  const handle: ClientHandle = { id, ...extra, send: (message) => received.push(message) }
  return { handle, received }
}

let registry: CallRegistry
let settings: Settings
let service: SoftphoneService
let update: ReturnType<typeof vi.fn<SettingsPort['update']>>
let testDesks: (string | undefined)[]
let settingsListeners: ((settings: Settings) => void)[]
let qualities: string[]
let records: Map<string, HistoryRecord>
let placed: unknown[][]
const seat = () => client('seat-1', { role: 'seat', deskName: 'Front desk' })

beforeEach(() => {
  registry = new CallRegistry({ ringTimeoutMs: 50_000 })
  settings = {
    ...defaultSettings(),
    desk: { name: 'Hub desk', ringHere: true, language: 'system' }
  }
  update = vi.fn<SettingsPort['update']>(async () => settings)
  testDesks = []
  settingsListeners = []
  qualities = []
  records = new Map()
  placed = []
  const callBack: CallBackPort = {
    check: async () => PERMISSION,
    request: async () => PERMISSION,
    place: async (...args) => {
      placed.push(args)
      return { callId: 'o_1' } as unknown as Awaited<ReturnType<CallBackPort['place']>>
    },
    on: () => () => undefined
  }
  service = new SoftphoneService(
    quietServiceDeps(registry, {
      settings: {
        get: () => settings,
        update,
        onChange: (listener) => {
          settingsListeners.push(listener)
          return () => undefined
        }
      },
      testCall: {
        start: async (desk) => {
          testDesks.push(desk)
          return 'c_test'
        }
      },
      callBack,
      history: {
        ...emptyHistory,
        append: async (record) => {
          records.set(record.callId, record)
        },
        setQuality: async (callId, quality) => {
          qualities.push(callId)
          const record = records.get(callId)
          return record && { ...record, quality }
        }
      }
    })
  )
})

describe('a seat', () => {
  it('is refused every owner-only command with `forbidden`, before the handler runs', async () => {
    const { handle } = seat()
    const refused: CommandName[] = []
    for (const name of COMMAND_NAMES) {
      const outcome = await service.dispatch(name, REQUESTS[name], handle).then(
        () => undefined,
        (error: { code?: string; message?: string }) => error
      )
      if (outcome?.code === 'forbidden') {
        refused.push(name)
        expect(outcome.message).toBe(
          CALL_BACK_COMMANDS.includes(name) ? CALL_BACK_NOT_ALLOWED : OWNER_ONLY
        )
      }
    }
    expect(refused.sort()).toEqual([...OWNER_ONLY_COMMANDS, ...CALL_BACK_COMMANDS].sort())
    expect(update).not.toHaveBeenCalled()
  })

  it('is refused before its request is read: a bad request learns nothing', async () => {
    await expect(
      service.dispatch('saveCredentials', { pageId: 42 }, seat().handle)
    ).rejects.toMatchObject({ code: 'forbidden' })
  })

  it('works a call: lists it, answers it as its desk, gets its ICE servers, hangs up', async () => {
    const front = seat()
    const owner = client('main-window')
    service.attach(front.handle)
    service.attach(owner.handle)
    registry.handleEvent(connect('c_1'), 'page-1')

    expect(await service.dispatch('listCalls', {}, front.handle)).toHaveLength(1)
    await service.dispatch('accept', REQUESTS.accept, front.handle)
    expect(registry.get('c_1')).toMatchObject({
      state: 'connected',
      answeredBy: 'seat-1',
      answeredByDesk: 'Front desk'
    })
    // Every other client is told which desk took it.
    expect(owner.received).toContainEqual({
      event: 'callUpdated',
      payload: expect.objectContaining({ state: 'connected', answeredByDesk: 'Front desk' })
    })
    expect(await service.dispatch('getIceServers', { callId: 'c_1' }, front.handle)).toEqual({
      iceServers: expect.any(Array)
    })
    await service.dispatch('hangUp', REQUESTS.hangUp, front.handle)
    expect(registry.get('c_1')).toMatchObject({ state: 'ended', answeredByDesk: 'Front desk' })
    // History names the desk that answered.
    await vi.waitFor(() => expect(records.get('c_1')?.answeredByDesk).toBe('Front desk'))
    await service.dispatch('reportCallQuality', REQUESTS.reportCallQuality, front.handle)
    expect(qualities).toEqual(['c_1'])
  })

  it('gets the ICE servers of its call again after its link came back under a new id', async () => {
    registry.handleEvent(connect('c_1'), 'page-1')
    await service.dispatch('accept', REQUESTS.accept, seat().handle)
    const back = client('seat-2', { role: 'seat', deskName: 'Front desk' })
    expect(await service.dispatch('getIceServers', { callId: 'c_1' }, back.handle)).toEqual({
      iceServers: expect.any(Array)
    })
    // Another desk, and a client that names no desk, are not the one that took it.
    for (const other of [
      client('seat-3', { role: 'seat', deskName: 'Back office' }),
      client('seat-4', { role: 'seat' }),
      client('main-window')
    ]) {
      await expect(
        service.dispatch('getIceServers', { callId: 'c_1' }, other.handle)
      ).rejects.toMatchObject({ code: 'conflict', message: 'This call was answered elsewhere.' })
    }
  })

  it('declines, reports failed media, reads history and starts a test call', async () => {
    const { handle } = seat()
    registry.handleEvent(connect('c_1'), 'page-1')
    registry.handleEvent(connect('c_2', { from: 'psid-2' }), 'page-1')
    await service.dispatch('decline', { callId: 'c_1' }, handle)
    await service.dispatch('accept', { callId: 'c_2', sdp: 'v=0' }, handle)
    await service.dispatch('reportMediaFailure', { callId: 'c_2', reason: 'no mic' }, handle)
    expect(registry.get('c_1')).toMatchObject({ state: 'ended', outcome: 'declined' })
    expect(registry.get('c_2')).toMatchObject({ state: 'ended', reason: 'media-failed' })

    expect(await service.dispatch('listHistory', {}, handle)).toEqual([])
    expect(await service.dispatch('getMissedCalls', {}, handle)).toEqual({ unseen: 0 })
    expect(await service.dispatch('getCallerPhotos', { psids: [] }, handle)).toEqual({})
    expect(await service.dispatch('startTestCall', {}, handle)).toEqual({ callId: 'c_test' })
    expect(testDesks).toEqual(['seat:Front desk'])
  })

  it('sees whether calls can reach the hub, not the Page, the listener or the hub’s files', async () => {
    const { handle } = seat()
    const hello = (await service.dispatch('hello', {}, handle)) as { status: unknown }
    expect(hello.status).toEqual({
      page: { configured: true },
      webhookUrl: null,
      publicUrl: null,
      tunnel: { state: 'off' },
      registration: { state: 'not-needed', reason: 'no-public-url' }
    })
    expect(await service.dispatch('getStatus', {}, handle)).toEqual(hello.status)
  })

  it('calls customers back only while the owner allows it', async () => {
    const { handle } = seat()
    await expect(
      service.dispatch('getIceServers', { psid: 'psid-1' }, handle)
    ).rejects.toMatchObject({ code: 'forbidden', message: CALL_BACK_NOT_ALLOWED })

    settings = { ...settings, seats: { ...settings.seats, mayCallBack: true } }
    expect(await service.dispatch('checkCallPermission', { psid: 'psid-1' }, handle)).toBe(
      PERMISSION
    )
    expect(await service.dispatch('requestCallPermission', { psid: 'psid-1' }, handle)).toBe(
      PERMISSION
    )
    await service.dispatch('getIceServers', { psid: 'psid-1' }, handle)
    await service.dispatch('placeCall', REQUESTS.placeCall, handle)
    expect(placed).toEqual([['psid-1', 'v=0 offer', 'seat-1', 'Front desk']])
  })

  it('is not sent the hub’s settings, and gets its own view of the status', () => {
    const front = seat()
    const owner = client('main-window')
    service.attach(front.handle)
    service.attach(owner.handle)
    service.publishStatus()
    for (const listener of settingsListeners) listener(settings)
    expect(front.received.map((m) => m.event)).toEqual(['status'])
    expect(JSON.stringify(front.received)).not.toContain('page-1')
    expect(owner.received.map((m) => m.event)).toEqual(['status', 'settings'])
    expect(JSON.stringify(owner.received)).toContain('page-1')
  })
})

describe('the owner', () => {
  it('is refused nothing', async () => {
    for (const role of [undefined, 'owner'] as const) {
      const { handle } = client('main-window', { role })
      for (const name of COMMAND_NAMES) {
        const code = await service.dispatch(name, REQUESTS[name], handle).then(
          () => undefined,
          (error: { code?: string }) => error.code
        )
        expect(code, name).not.toBe('forbidden')
      }
    }
    expect(update).toHaveBeenCalled()
  })

  it('answers as this desk’s name from the settings, and places calls as it', async () => {
    const { handle } = client('main-window')
    registry.handleEvent(connect('c_1'), 'page-1')
    await service.dispatch('accept', REQUESTS.accept, handle)
    expect(registry.get('c_1')).toMatchObject({ answeredByDesk: 'Hub desk' })
    await service.dispatch('placeCall', REQUESTS.placeCall, handle)
    expect(placed).toEqual([['psid-1', 'v=0 offer', 'main-window', 'Hub desk']])
  })
})
