/**
 * A desk that joined a real hub (the in-process rig) as its seat: a restart of its data folder
 * starts it as that seat again; it lists the calls it took before joining, read-only; leaving
 * tells the hub (which revokes its key) and turns it into a fresh desk with no Page, which a
 * later start of the same folder still is.
 */
import { readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HISTORY_FILE } from '../../../../src/main/core/history/store'
import { formatInvitation } from '../../../../src/main/core/seat-link/desk-invitation'
import { loadHubPin } from '../../../../src/main/core/seat-link/link-key-files'
import { LEAVE_CALL_LIVE_SENTENCE } from '../../../../src/main/core/seat/seat-service'
import { HeadlessClient } from '../../../../src/main/simulator/client/headless-client'
import { startInProcessRig, type InProcessRig } from '../../../../src/main/simulator/rig/in-process'
import { CallWatch } from '../../../../src/main/simulator/scenarios'
import { deskFolder, pastRecord, startDesk, type Desk } from './desk-fixture'

let rig: InProcessRig
let hubUrl: string
const open: Desk[] = []
const dirs: string[] = []

beforeEach(async () => {
  rig = await startInProcessRig({ deskName: 'Front desk' })
  hubUrl = new URL(rig.webhookUrl).origin
})

afterEach(async () => {
  for (const desk of open.splice(0)) await desk.close()
  await rig.close()
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

async function started(dir: string): Promise<Desk> {
  const desk = await startDesk(dir)
  open.push(desk)
  return desk
}

async function closed(desk: Desk): Promise<void> {
  open.splice(open.indexOf(desk), 1)
  await desk.close()
}

/** A desk with its own Page and `past` calls, joined to the rig's hub as "Back office". */
async function joinedDesk(past = 0): Promise<Desk> {
  const dir = await deskFolder(past)
  dirs.push(dir)
  const desk = await started(dir)
  const invitation = formatInvitation(hubUrl, rig.core.seats!.issueCode('Back office').text)
  await desk.window.api.joinHub({ invitation, forgetPage: true })
  return desk
}

describe('a desk that joined a hub', () => {
  it('starts again as that seat from its data folder', async () => {
    const first = await joinedDesk()
    const dir = first.runtime.dataDir
    await closed(first)
    const again = await started(dir)
    expect(again.runtime.current().role).toBe('seat')
    await expect
      .poll(async () => (await again.window.api.getStatus({})).hub?.link)
      .toEqual({
        state: 'online'
      })
    expect((await again.window.api.getStatus({})).hub?.name).toBe('Front desk')
  })

  it('keeps the new address its hub tells it, for its next start', async () => {
    const desk = await joinedDesk()
    await expect
      .poll(async () => (await desk.window.api.getStatus({})).hub?.link.state)
      .toBe('online')
    // The same listener under another name, as a tunnel's new subdomain would be.
    const moved = hubUrl.replace('127.0.0.1', 'localhost')
    rig.core.setPublicUrl(moved)
    await expect.poll(async () => (await loadHubPin(desk.runtime.dataDir))?.hubUrl).toBe(moved)
  })

  it('lists its calls from before it joined, apart from the hub, and never writes them', async () => {
    const desk = await joinedDesk(3)
    const file = join(desk.runtime.dataDir, HISTORY_FILE)
    const bytes = await readFile(file)
    const modified = (await stat(file)).mtimeMs

    const past = await desk.window.api.listPastHistory({})
    expect(past.map((record) => record.callId)).toEqual(['past-3', 'past-2', 'past-1'])
    expect(past[0]).toMatchObject(pastRecord(3))
    expect(await desk.window.api.listPastHistory({ search: 'customer 2' })).toHaveLength(1)
    expect((await desk.window.api.getStatus({})).hub?.pastHistory).toBe(true)
    // The hub's history is the hub's: none of this desk's past is in it.
    const hubs = await desk.window.api.listHistory({})
    expect(hubs.some((record) => record.callId.startsWith('past-'))).toBe(false)

    // A call the seat answers is recorded at the hub; the past file stays as it was.
    const watch = new CallWatch(desk.window)
    const answering = new HeadlessClient({ audio: { mode: 'tone', frequency: 660 } })
    try {
      const callId = await rig.sim.placeCall()
      await watch.untilState(callId, 'ringing', 5000)
      await answering.answer(desk.window.api, callId)
      await watch.untilState(callId, 'connected', 5000)
      await answering.hangUp(desk.window.api)
      await watch.untilState(callId, 'ended', 5000)
      await expect
        .poll(async () => (await rig.client.api.listHistory({})).map((r) => r.callId))
        .toContain(callId)
    } finally {
      watch.close()
      await answering.close()
    }
    await closed(desk)
    expect(await readFile(file)).toEqual(bytes)
    expect((await stat(file)).mtimeMs).toBe(modified)
  })

  it('a desk with no past says so', async () => {
    const desk = await joinedDesk(0)
    expect(await desk.window.api.listPastHistory({})).toEqual([])
    expect((await desk.window.api.getStatus({})).hub?.pastHistory).toBe(false)
  })

  it('leaves: the hub revokes its key and the desk is a fresh desk, also after a restart', async () => {
    const desk = await joinedDesk()
    expect(rig.core.seats!.list().map((seat) => seat.name)).toEqual(['Back office'])
    const statusesBefore = desk.statuses.length

    expect(await desk.window.api.leaveHub({})).toEqual({ removedAtHub: true })
    expect(rig.core.seats!.list()).toEqual([])
    expect(await loadHubPin(desk.runtime.dataDir)).toBeUndefined()
    const role = desk.runtime.current()
    expect(role.role).toBe('hub')
    // The open window hears it is no seat, with no Page: the welcome of a fresh install.
    await expect
      .poll(() => desk.statuses.slice(statusesBefore).some((s) => s.hub === undefined))
      .toBe(true)
    const status = await desk.window.api.getStatus({})
    expect(status.hub).toBeUndefined()
    expect(status.page.configured).toBe(false)
    // The hub's own windows have no hub to leave.
    await expect(desk.window.api.leaveHub({})).rejects.toThrow(/no hub to leave/)

    const dir = desk.runtime.dataDir
    await closed(desk)
    const again = await started(dir)
    expect(again.runtime.current().role).toBe('hub')
    expect((await again.window.api.getStatus({})).page.configured).toBe(false)
  })

  it('still leaves when the hub cannot be told', async () => {
    const desk = await joinedDesk()
    await rig.close()
    await expect
      .poll(async () => (await desk.window.api.getStatus({})).hub?.link.state)
      .not.toBe('online')
    expect(await desk.window.api.leaveHub({})).toEqual({ removedAtHub: false })
    expect(desk.runtime.current().role).toBe('hub')
    expect(await loadHubPin(desk.runtime.dataDir)).toBeUndefined()
    rig = await startInProcessRig()
  })

  it('refuses to leave while a call answered on this desk goes on, also with the hub offline', async () => {
    const desk = await joinedDesk()
    const watch = new CallWatch(desk.window)
    const answering = new HeadlessClient({ audio: { mode: 'tone', frequency: 660 } })
    try {
      // A call answered by another desk of the hub does not hold this one back.
      const elsewhere = await rig.sim.placeCall()
      await watch.untilState(elsewhere, 'ringing', 5000)
      await rig.client.api.decline({ callId: elsewhere })
      await watch.untilState(elsewhere, 'ended', 5000)

      const callId = await rig.sim.placeCall()
      await watch.untilState(callId, 'ringing', 5000)
      await answering.answer(desk.window.api, callId)
      await watch.untilState(callId, 'connected', 5000)
      const refusal = desk.window.api.leaveHub({})
      await expect(refusal).rejects.toThrow(LEAVE_CALL_LIVE_SENTENCE)
      await expect(refusal).rejects.toMatchObject({ code: 'conflict' })
      expect(desk.runtime.current().role).toBe('seat')
      expect(rig.core.seats!.list().map((seat) => seat.name)).toEqual(['Back office'])

      // The hub gone, the call's media goes on: still refused until it is hung up (queued).
      await rig.close()
      await expect
        .poll(async () => (await desk.window.api.getStatus({})).hub?.link.state)
        .not.toBe('online')
      await expect(desk.window.api.leaveHub({})).rejects.toThrow(LEAVE_CALL_LIVE_SENTENCE)
      await answering.hangUp(desk.window.api)
      expect((await desk.window.api.getStatus({})).hub?.queuedHangUps).toEqual([callId])
    } finally {
      watch.close()
      await answering.close()
    }
    expect(await desk.window.api.leaveHub({})).toEqual({ removedAtHub: false })
    expect(desk.runtime.current().role).toBe('hub')
    rig = await startInProcessRig()
  })
})
