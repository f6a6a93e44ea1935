/**
 * A desk holding its own Page joins a real hub core (the in-process rig, Meta simulated) over the
 * real seat link, in the same process and without its windows reconnecting: the Page's secrets
 * and ids are forgotten, the webhook listener closes and the tunnel stops only once the hub has
 * accepted it; a refused or unreachable hub leaves the desk exactly as it was.
 */
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ServiceError } from '../../../../src/shared/service-error'
import { SECRETS_FILE } from '../../../../src/main/core/config/secrets'
import {
  CONFIRM_FORGET_SENTENCE,
  hasSeatsSentence
} from '../../../../src/main/core/desk/join-checks'
import { formatInvitation } from '../../../../src/main/core/seat-link/desk-invitation'
import { loadHubPin } from '../../../../src/main/core/seat-link/link-key-files'
import { startInProcessRig, type InProcessRig } from '../../../../src/main/simulator/rig/in-process'
import { CallWatch } from '../../../../src/main/simulator/scenarios'
import { DESK_PAGE, DESK_SECRETS, deskFolder, startDesk, type Desk } from './desk-fixture'

let rig: InProcessRig
let hubUrl: string
const desks: Desk[] = []
const dirs: string[] = []

beforeEach(async () => {
  rig = await startInProcessRig({ deskName: 'Front desk' })
  hubUrl = new URL(rig.webhookUrl).origin
})

afterEach(async () => {
  for (const desk of desks.splice(0)) await desk.close()
  await rig.close()
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

async function desk(): Promise<Desk> {
  const dir = await deskFolder()
  dirs.push(dir)
  const started = await startDesk(dir)
  desks.push(started)
  return started
}

function invitation(name: string, address = hubUrl): string {
  const issued = rig.core.seats!.issueCode(name)
  return formatInvitation(address, issued.text)
}

async function reachable(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) })
    return true
  } catch {
    return false
  }
}

async function secretsOf(dir: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(dir, SECRETS_FILE), 'utf8')) as Record<string, unknown>
}

/** The desk as it was before a join that must change nothing. */
async function expectUntouched(d: Desk): Promise<void> {
  const role = d.runtime.current()
  expect(role.role).toBe('hub')
  if (role.role !== 'hub') return
  expect(role.started.core.status().page.configured).toBe(true)
  expect(await secretsOf(d.runtime.dataDir)).toMatchObject(DESK_SECRETS)
  expect(await reachable(role.started.webhookUrl!)).toBe(true)
  expect(d.tunnel).toEqual(['tunnel started'])
  expect(await loadHubPin(d.runtime.dataDir)).toBeUndefined()
  expect((await d.window.api.getStatus({})).hub).toBeUndefined()
}

describe('joining a hub', () => {
  it('forgets the Page, stops webhook and tunnel, and rings its open window for the hub', async () => {
    const d = await desk()
    const before = d.runtime.current()
    if (before.role !== 'hub') throw new Error('the desk did not start as a hub')
    const webhookUrl = before.started.webhookUrl!
    expect(await reachable(webhookUrl)).toBe(true)
    expect((await d.window.api.getStatus({})).page.configured).toBe(true)

    await expect(
      d.window.api.joinHub({ invitation: invitation('Back office'), forgetPage: false })
    ).rejects.toThrow(CONFIRM_FORGET_SENTENCE)
    await expectUntouched(d)

    const joined = await d.window.api.joinHub({
      invitation: invitation('Back office'),
      forgetPage: true
    })
    expect(joined).toEqual({ hubName: 'Front desk' })
    expect(d.runtime.current().role).toBe('seat')
    // The Page is forgotten: no token, no app secret, no ids; the listener and tunnel are gone.
    const secrets = await secretsOf(d.runtime.dataDir)
    expect(secrets['pageAccessToken']).toBeUndefined()
    expect(secrets['appSecret']).toBeUndefined()
    const settings = JSON.parse(await readFile(join(d.runtime.dataDir, 'settings.json'), 'utf8'))
    expect(settings.page ?? {}).toEqual({})
    expect(await reachable(webhookUrl)).toBe(false)
    expect(d.tunnel).toEqual(['tunnel started', 'tunnel stopped'])
    expect(await loadHubPin(d.runtime.dataDir)).toMatchObject({ hubUrl: `${hubUrl}/` })
    expect(rig.core.seats!.list().map((seat) => seat.name)).toEqual(['Back office'])

    // The window that was open all along was told it is a seat now, and rings for the hub's call.
    await expect.poll(() => d.statuses.at(-1)?.hub?.name).toBe('Front desk')
    expect((await d.window.api.getStatus({})).hub?.link).toEqual({ state: 'online' })
    // The last status the window heard shows the hub's Page, as heard from the hub, not "no Page".
    await expect.poll(() => d.statuses.at(-1)?.page.configured).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(d.statuses.at(-1)?.page.configured).toBe(true)
    const watch = new CallWatch(d.window)
    try {
      const callId = await rig.sim.placeCall()
      await watch.untilState(callId, 'ringing', 5000)
    } finally {
      watch.close()
    }
  })

  it('leaves the desk exactly as it was when the hub refuses the code', async () => {
    const d = await desk()
    const good = invitation('Back office')
    // The same invitation with one character of its secret changed.
    const at = good.lastIndexOf('.') - 2
    const wrong = `${good.slice(0, at)}${good[at] === 'A' ? 'B' : 'A'}${good.slice(at + 1)}`
    const refusal = d.window.api.joinHub({ invitation: wrong, forgetPage: true })
    await expect(refusal).rejects.toThrow(/pairing code was refused/)
    await expect(refusal).rejects.toBeInstanceOf(ServiceError)
    await expectUntouched(d)
    expect(rig.core.seats!.list()).toEqual([])
  })

  it('leaves the desk exactly as it was when the hub cannot be reached', async () => {
    const d = await desk()
    const down = invitation('Back office', 'http://127.0.0.1:9')
    await expect(d.window.api.joinHub({ invitation: down, forgetPage: true })).rejects.toThrow(
      /The hub is not running at 127\.0\.0\.1:9, or its computer is off/
    )
    await expectUntouched(d)
  })

  it('refuses an invitation that is not one, and a join while a call is live', async () => {
    const d = await desk()
    await expect(
      d.window.api.joinHub({ invitation: 'https://hub.example.com#nonsense', forgetPage: true })
    ).rejects.toThrow(/pairing code/i)
    const role = d.runtime.current()
    if (role.role !== 'hub') throw new Error('not a hub')
    // A call going on on this desk's own Page (one it placed).
    role.started.core.registry.registerOutbound({
      callId: 'own-call',
      pageId: DESK_PAGE.pageId,
      psid: 'psid-1',
      startedAt: Date.now(),
      clientId: 'window'
    })
    await expect(
      d.window.api.joinHub({ invitation: invitation('Back office'), forgetPage: true })
    ).rejects.toThrow(/call is still going/)
    await expectUntouched(d)
  })

  it('refuses a desk that is itself the hub of other desks until they are removed', async () => {
    const d = await desk()
    const own = d.runtime.current()
    if (own.role !== 'hub') throw new Error('not a hub')
    // Another desk joins this one, at this desk's own listener.
    const other = await desk()
    const ownAddress = new URL(own.started.webhookUrl!).origin
    const code = own.started.core.seats!.issueCode('Back room').text
    await other.window.api.joinHub({
      invitation: formatInvitation(ownAddress, code),
      forgetPage: true
    })
    expect(own.started.core.seats!.list().map((seat) => seat.name)).toEqual(['Back room'])

    const refusal = d.window.api.joinHub({
      invitation: invitation('Back office'),
      forgetPage: true
    })
    await expect(refusal).rejects.toThrow(hasSeatsSentence(1))
    await expect(refusal).rejects.toMatchObject({ code: 'conflict' })
    await expectUntouched(d)
    expect(rig.core.seats!.list()).toEqual([])

    // Removed in its Desks, the other desk no longer holds this one back.
    await d.window.api.removeDesk({ name: 'Back room' })
    await d.window.api.joinHub({ invitation: invitation('Back office'), forgetPage: true })
    expect(d.runtime.current().role).toBe('seat')
  })

  it('names how many desks would lose their hub', () => {
    expect(hasSeatsSentence(1)).toBe(
      'This desk is the hub of another desk: remove it in Settings > Desks first, or it loses its hub.'
    )
    expect(hasSeatsSentence(3)).toBe(
      'This desk is the hub of 3 other desks: remove them in Settings > Desks first, or they lose their hub.'
    )
  })
})
