/**
 * Secrets go only to Meta: no command can move where the Page's credentials are sent, and the TURN
 * password reaches only the client that sets up a call's media, in that call's own reply.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventMessage } from '../../../../src/shared/api'
import { CallRegistry } from '../../../../src/main/core/calls'
import { MemorySecretStore, SettingsStore } from '../../../../src/main/core/config'
import { memoryLogger } from '../../../../src/main/core/log'
import { quietServiceDeps } from './service-fixtures'
import {
  SoftphoneService,
  type ClientHandle
} from '../../../../src/main/core/service/softphone-service'

const TURN_PASSWORD = 'turn-password-7Qx'

function connect(id: string) {
  return {
    event: 'connect' as const,
    id,
    from: 'psid-1',
    to: 'page-1',
    timestamp: Math.floor(Date.now() / 1000),
    call_direction: 'user_initiated' as const
  }
}

function client(id: string) {
  const received: EventMessage[] = []
  const handle: ClientHandle = { id, send: (message) => received.push(message) }
  return { handle, received }
}

let dir: string
let registry: CallRegistry
let settings: SettingsStore
let secrets: MemorySecretStore
let service: SoftphoneService

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'secrets-to-meta-'))
  registry = new CallRegistry({ ringTimeoutMs: 50_000 })
  secrets = new MemorySecretStore()
  settings = await SettingsStore.open(dir, memoryLogger(), { secrets })
  service = new SoftphoneService(quietServiceDeps(registry, { settings, secrets }))
})

afterEach(async () => {
  service.dispose()
  registry.dispose()
  await rm(dir, { recursive: true, force: true })
})

describe('secrets go only to Meta', () => {
  it('refuses a Graph address through updateSettings, and saves nothing', async () => {
    const ui = client('ui')
    await expect(
      service.dispatch(
        'updateSettings',
        { graph: { apiUrl: 'https://graph.evil.example' } },
        ui.handle
      )
    ).rejects.toMatchObject({
      code: 'invalid-request',
      message: expect.stringContaining('graph.apiUrl')
    })
    await expect(readFile(join(dir, 'settings.json'), 'utf8')).rejects.toThrow()
    expect(JSON.stringify(settings.get())).not.toContain('evil')
  })

  it('gives the TURN password only to the desk setting up a call, in its own reply', async () => {
    const desk = client('desk')
    const other = client('other')
    service.attach(desk.handle)
    service.attach(other.handle)
    await service.dispatch(
      'updateSettings',
      {
        ice: {
          stunUrls: ['stun:stun.example.com:3478'],
          turn: { url: 'turn:t.example.com', username: 'shop' }
        }
      },
      desk.handle
    )
    // Write-only: the reply says it is saved, never what it is.
    expect(
      await service.dispatch('turnPassword', { password: TURN_PASSWORD }, desk.handle)
    ).toEqual({
      saved: true
    })
    expect(await service.dispatch('turnPassword', {}, other.handle)).toEqual({ saved: true })
    // Neither the password nor a field for it is in settings.json (a desktop client could send one).
    await expect(
      service.dispatch(
        'updateSettings',
        { ice: { turn: { url: 'turn:x', username: 'u', credential: 'p' } } },
        desk.handle
      )
    ).rejects.toMatchObject({ code: 'invalid-request' })
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).not.toContain(TURN_PASSWORD)

    registry.handleEvent(connect('c_1'), 'page-1')
    const reply = await service.dispatch('getIceServers', { callId: 'c_1' }, desk.handle)
    expect(reply).toEqual({
      iceServers: [
        { urls: 'stun:stun.example.com:3478' },
        { urls: 'turn:t.example.com', username: 'shop', credential: TURN_PASSWORD }
      ]
    })
    await service.dispatch('accept', { callId: 'c_1', sdp: 'v=0 offer' }, desk.handle)
    // The call is the desk's now: another client gets no servers for it, and nobody for an ended one.
    await expect(
      service.dispatch('getIceServers', { callId: 'c_1' }, other.handle)
    ).rejects.toMatchObject({ code: 'conflict' })
    await expect(
      service.dispatch('getIceServers', { callId: 'c_gone' }, desk.handle)
    ).rejects.toMatchObject({ code: 'not-found' })
    // No event any client received, nor the settings, ever carried the password.
    expect(JSON.stringify([desk.received, other.received])).not.toContain(TURN_PASSWORD)
    expect(JSON.stringify(await service.dispatch('getSettings', {}, other.handle))).not.toContain(
      TURN_PASSWORD
    )
  })

  it('never sends a saved TURN password to another TURN server', async () => {
    const ui = client('ui')
    const turn = { url: 'turn:t.example.com', username: 'shop' }
    await service.dispatch('updateSettings', { ice: { turn } }, ui.handle)
    await service.dispatch('turnPassword', { password: TURN_PASSWORD }, ui.handle)
    await service.dispatch('updateSettings', { ice: { turn: { username: 'other' } } }, ui.handle)
    expect(await service.dispatch('turnPassword', {}, ui.handle)).toEqual({ saved: true })
    // Pointed elsewhere (by any client that may edit settings): the password is forgotten.
    await service.dispatch(
      'updateSettings',
      { ice: { turn: { url: 'turn:evil.example' } } },
      ui.handle
    )
    expect(await service.dispatch('turnPassword', {}, ui.handle)).toEqual({ saved: false })
    registry.handleEvent(connect('c_2'), 'page-1')
    const reply = await service.dispatch('getIceServers', { callId: 'c_2' }, ui.handle)
    expect(JSON.stringify(reply)).not.toContain(TURN_PASSWORD)
    // A password given right after the new address is the new server's, and kept.
    await service.dispatch('turnPassword', { password: 'new-server-password' }, ui.handle)
    expect(await service.dispatch('turnPassword', {}, ui.handle)).toEqual({ saved: true })
  })

  it('moves a TURN password an older version saved in settings.json to the secret store', async () => {
    const file = join(dir, 'settings.json')
    await writeFile(
      file,
      JSON.stringify({
        theme: 'dark',
        ice: { turn: { url: 'turn:t', username: 'u', credential: TURN_PASSWORD } }
      })
    )
    const store = new MemorySecretStore()
    const reopened = await SettingsStore.open(dir, memoryLogger(), { secrets: store })
    expect((await store.get()).turnCredential).toBe(TURN_PASSWORD)
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      theme: 'dark',
      ice: { turn: { url: 'turn:t', username: 'u' } }
    })
    expect(reopened.get().ice.turn).toEqual({ url: 'turn:t', username: 'u' })
  })

  it('ignores a Graph address found in settings.json, and says which', async () => {
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({ graph: { apiUrl: 'https://graph.evil.example', apiVersion: 'v25.0' } })
    )
    const logger = memoryLogger()
    const reopened = await SettingsStore.open(dir, logger)
    expect(reopened.ignoredGraphUrl).toBe('https://graph.evil.example')
    expect(reopened.get().graph).toEqual({ apiVersion: 'v25.0' })
    expect(logger.entries.filter((entry) => entry.level === 'warn')).toHaveLength(1)
    // Meta's own address, as a version that wrote defaults out saved it, is nothing to report.
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({ graph: { apiUrl: 'https://graph.facebook.com' } })
    )
    expect((await SettingsStore.open(dir, memoryLogger())).ignoredGraphUrl).toBeUndefined()
  })
})
