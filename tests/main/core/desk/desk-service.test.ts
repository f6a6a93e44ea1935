/**
 * The desk's one service facade: clients attached before a role change stay attached, move to the
 * new role's service (and leave the old one), and each hears a fresh status, settings and its
 * calls; commands sent during the change wait for it and reach the new role.
 */
import { describe, expect, it } from 'vitest'
import type { EventMessage } from '../../../../src/shared/api'
import { DeskService, type RoleService } from '../../../../src/main/core/desk/desk-service'
import { memoryLogger } from '../../../../src/main/core/log'
import type { ClientHandle } from '../../../../src/main/core/service/softphone-service'

/** A role's service that answers hello with its own name and counts its clients. */
function fakeRole(name: string, calls: unknown[] = []) {
  const clients = new Set<ClientHandle>()
  const commands: string[] = []
  const service: RoleService = {
    attach(client) {
      clients.add(client)
      return () => clients.delete(client)
    },
    async dispatch(command, _request, client) {
      commands.push(command)
      if (command === 'hello') return { clientId: client.id, status: { role: name }, calls }
      if (command === 'getSettings') return { from: name }
      if (command === 'getMissedCalls') return { unseen: name.length }
      if (command === 'listDesks' && name === 'seat') throw new Error('forbidden')
      if (command === 'listDesks') return { desks: [] }
      return `${name}:${command}`
    }
  }
  return {
    service,
    clients,
    commands,
    emit: (m: EventMessage) => clients.forEach((c) => c.send(m))
  }
}

function window(id: string): ClientHandle & { heard: EventMessage[] } {
  const heard: EventMessage[] = []
  return { id, heard, send: (message) => heard.push(message) }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('DeskService', () => {
  it('moves attached clients to the new role and tells each its status, settings, missed calls and calls', async () => {
    const hub = fakeRole('hub')
    const seat = fakeRole('seat', [{ id: 'call-1' }])
    const desk = new DeskService(hub.service, memoryLogger())
    const a = window('a')
    const b = window('b')
    desk.attach(a)
    const detachB = desk.attach(b)
    expect(hub.clients.size).toBe(2)

    const result = await desk.switchRole(async () => ({ service: seat.service, result: 'joined' }))
    expect(result).toBe('joined')
    await settle()
    expect(hub.clients.size).toBe(0)
    expect([...seat.clients]).toEqual([a, b])
    expect(desk.role).toBe(seat.service)
    for (const client of [a, b]) {
      expect(client.heard).toEqual([
        { event: 'status', payload: { role: 'seat' } },
        { event: 'settings', payload: { from: 'seat' } },
        { event: 'missedCalls', payload: { unseen: 4 } },
        { event: 'callUpdated', payload: { id: 'call-1' } }
      ])
    }
    // Events of the old role no longer reach them; the new role's do.
    hub.emit({ event: 'missedCalls', payload: { unseen: 1 } })
    seat.emit({ event: 'missedCalls', payload: { unseen: 2 } })
    expect(a.heard.slice(4)).toEqual([{ event: 'missedCalls', payload: { unseen: 2 } }])

    detachB()
    expect([...seat.clients]).toEqual([a])
    expect(await desk.dispatch('listCalls', {}, a)).toBe('seat:listCalls')

    // Back to a hub (leaving): its desks are told too, which a seat was refused.
    a.heard.length = 0
    await desk.switchRole(async () => ({ service: hub.service, result: undefined }))
    await settle()
    expect(a.heard.map((message) => message.event)).toEqual([
      'status',
      'settings',
      'missedCalls',
      'desks'
    ])
  })

  it('holds commands sent during the change and runs them on the new role', async () => {
    const hub = fakeRole('hub')
    const seat = fakeRole('seat')
    const desk = new DeskService(hub.service, memoryLogger())
    const a = window('a')
    desk.attach(a)
    let finish!: () => void
    const switched = desk.switchRole(async () => {
      await new Promise<void>((resolve) => (finish = resolve))
      return { service: seat.service, result: undefined }
    })
    const sent = desk.dispatch('getStatus', {}, a)
    await settle()
    expect(hub.commands).not.toContain('getStatus')
    finish()
    await switched
    expect(await sent).toBe('seat:getStatus')
  })

  it('leaves the clients where they were when the change fails', async () => {
    const hub = fakeRole('hub')
    const desk = new DeskService(hub.service, memoryLogger())
    const a = window('a')
    desk.attach(a)
    await expect(
      desk.switchRole(async () => {
        throw new Error('the hub refused')
      })
    ).rejects.toThrow('the hub refused')
    expect([...hub.clients]).toEqual([a])
    expect(a.heard).toEqual([])
    expect(await desk.dispatch('getStatus', {}, a)).toBe('hub:getStatus')
  })
})
