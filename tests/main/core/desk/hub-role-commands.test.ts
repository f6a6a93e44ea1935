/**
 * The desk-role commands on a hub: a seat's leaveHub revokes that seat's own key (by its desk
 * name, as Remove would); the hub's own windows have no hub to leave; joining needs the runtime.
 */
import { describe, expect, it, vi } from 'vitest'
import { hubRoleCommands, NO_HUB_TO_LEAVE } from '../../../../src/main/core/desk/hub-role-commands'
import type { DesksPort } from '../../../../src/main/core/service/ports'

function desks() {
  const remove = vi.fn(async () => ({ desks: [] }))
  return { port: { remove } as unknown as DesksPort, remove }
}

const send = () => undefined

describe('hubRoleCommands', () => {
  it("revokes the asking seat's own key, and only a seat's", async () => {
    const { port, remove } = desks()
    const commands = hubRoleCommands(undefined, () => port)
    const seat = { id: 'seat-1', role: 'seat' as const, deskName: 'Back office', send }
    expect(await commands.leaveHub({}, seat)).toEqual({ removedAtHub: true })
    expect(remove).toHaveBeenCalledWith('Back office')

    await expect(commands.leaveHub({}, { id: 'window', send })).rejects.toThrow(NO_HUB_TO_LEAVE)
    expect(remove).toHaveBeenCalledTimes(1)
    expect(await commands.listPastHistory({}, { id: 'window', send })).toEqual([])
  })

  it('joins through the runtime it was given, and says so without one', async () => {
    const { port } = desks()
    const request = { invitation: 'https://hub.example.com#code', forgetPage: true }
    await expect(
      hubRoleCommands(undefined, () => port).joinHub(request, { id: 'w', send })
    ).rejects.toThrow(/not available/)
    const joinHub = vi.fn(async () => ({ hubName: 'Front desk' }))
    expect(await hubRoleCommands(joinHub, () => port).joinHub(request, { id: 'w', send })).toEqual({
      hubName: 'Front desk'
    })
    expect(joinHub).toHaveBeenCalledWith(request)
  })
})
