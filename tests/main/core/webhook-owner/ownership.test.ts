import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ServiceError } from '../../../../src/shared/api'
import type { AppSubscriptions } from '../../../../src/shared/graph'
import { OWNED_ELSEWHERE } from '../../../../src/shared/tunnel'
import type { WebhookOwner } from '../../../../src/shared/webhook-owner'
import { GraphError } from '../../../../src/main/core/graph'
import { memoryLogger } from '../../../../src/main/core/log'
import type { WhoIsThere } from '../../../../src/main/core/webhook-owner/ask-owner'
import { mayRegisterOver } from '../../../../src/main/core/webhook-owner/decide'
import type { LastRegistered } from '../../../../src/main/core/webhook-owner/last-registered'
import {
  WEBHOOK_RECHECK_MS,
  WebhookOwnership
} from '../../../../src/main/core/webhook-owner/ownership'
import { words } from '../../../../src/shared/words'

const PAGE = '106378625516323'
const OURS = 'https://ours-2.tunnel.example/webhook'
const OUR_OLD = 'https://ours-1.tunnel.example/webhook'
const THEIRS = 'https://theirs.tunnel.example/webhook'
const FRONT_DESK = { deskName: 'Front desk', pageIds: [PAGE], version: '0.1.0' }

let held: string | undefined
let graphFails: Error | undefined
let last: string | undefined
let answers: Map<string, WhoIsThere>
let owners: WebhookOwner[]
let registrations: number
let lost: number
let logger: ReturnType<typeof memoryLogger>
let ownership: WebhookOwnership

const lastRegistered: LastRegistered = {
  get: async () => last,
  set: async (url) => {
    last = url
  }
}

function subscriptions(): AppSubscriptions {
  if (graphFails) throw graphFails
  return {
    data:
      held === undefined ? [] : [{ object: 'page', callback_url: held, active: true, fields: [] }]
  }
}

function create(recheckMs?: number): WebhookOwnership {
  ownership = new WebhookOwnership({
    graph: { getAppSubscriptions: async () => subscriptions() },
    lastRegistered,
    appSecret: () => 'secret',
    pageId: () => PAGE,
    pageName: () => 'Bakery',
    callbackUrl: () => OURS,
    requestRegistration: () => void (registrations += 1),
    onChange: (owner) => void owners.push(owner),
    onLost: () => void (lost += 1),
    ask: async (url) => answers.get(url) ?? { kind: 'foreign' },
    recheckMs,
    logger
  })
  return ownership
}

beforeEach(() => {
  vi.useFakeTimers()
  held = undefined
  graphFails = undefined
  last = undefined
  answers = new Map()
  owners = []
  registrations = 0
  lost = 0
  logger = memoryLogger()
  create()
})

afterEach(() => {
  ownership.dispose()
  vi.useRealTimers()
})

describe('whether a desk may register over what Meta holds', () => {
  it.each([
    ['nothing', undefined, undefined, true],
    ['this very URL', OURS, undefined, true],
    ['the URL this desk registered last (its old tunnel address)', OUR_OLD, OUR_OLD, true],
    ['another URL, this desk never registered', THEIRS, undefined, false],
    ['another URL than the one this desk registered last', THEIRS, OUR_OLD, false]
  ])('Meta holds %s', (_what, metaHolds, lastOurs, expected) => {
    expect(mayRegisterOver(metaHolds, OURS, lastOurs)).toBe(expected)
  })
})

describe('the gate before registering', () => {
  it('lets the registration through when Meta holds nothing, then owns it', async () => {
    expect(await ownership.beforeRegister(OURS)).toBeUndefined()
    await ownership.registered(OURS)
    expect(last).toBe(OURS)
    expect(ownership.current).toEqual({ state: 'this-desk', url: OURS, checkedAt: Date.now() })
    expect(logger.entries).toContainEqual(
      expect.objectContaining({ level: 'info', message: 'Calls for Bakery ring on this desk.' })
    )
  })

  it('a reconnect registers over this desk’s own previous address', async () => {
    held = OUR_OLD
    last = OUR_OLD
    expect(await ownership.beforeRegister(OURS)).toBeUndefined()
  })

  it('does not overwrite another desk: names it, and says so in the log', async () => {
    held = THEIRS
    answers.set(THEIRS, { kind: 'desk', identity: FRONT_DESK })
    expect(await ownership.beforeRegister(OURS)).toEqual(OWNED_ELSEWHERE)
    expect(ownership.current).toEqual({
      state: 'other-desk',
      url: THEIRS,
      desk: FRONT_DESK,
      servesOtherPage: false,
      checkedAt: Date.now()
    })
    expect(logger.entries).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: `Calls for Bakery go to Front desk (${THEIRS}).`
      })
    )
    expect(lost).toBe(0)
  })

  it('a desk of another Page of the same app serves another Page', async () => {
    held = THEIRS
    answers.set(THEIRS, { kind: 'desk', identity: { ...FRONT_DESK, pageIds: ['555'] } })
    await ownership.beforeRegister(OURS)
    expect(ownership.current).toMatchObject({ state: 'other-desk', servesOtherPage: true })
  })

  it('names a server that is not this app by its URL', async () => {
    held = THEIRS
    expect(await ownership.beforeRegister(OURS)).toEqual(OWNED_ELSEWHERE)
    expect(ownership.current).toEqual({ state: 'foreign', url: THEIRS, checkedAt: Date.now() })
  })

  it('when Meta cannot be asked: says why, and throws so the registrar retries', async () => {
    graphFails = new GraphError({
      kind: 'unavailable',
      message: 'down',
      userWords: words('graph.unavailable')
    })
    await expect(ownership.beforeRegister(OURS)).rejects.toBe(graphFails)
    expect(ownership.current).toEqual({
      state: 'unknown',
      reason: 'Facebook is having trouble right now; try again in a few minutes.',
      reasonWords: { key: 'graph.unavailable' }
    })
  })
})

describe('keeping watch while this desk owns the webhook', () => {
  async function own(): Promise<void> {
    await ownership.beforeRegister(OURS)
    await ownership.registered(OURS)
    held = OURS
  }

  it('re-reads Meta every 5 minutes by default', async () => {
    expect(WEBHOOK_RECHECK_MS).toBe(5 * 60_000)
    const reads = vi.fn(async () => subscriptions())
    ownership.dispose()
    ownership = new WebhookOwnership({
      graph: { getAppSubscriptions: reads },
      lastRegistered,
      appSecret: () => 'secret',
      pageId: () => PAGE,
      pageName: () => 'Bakery',
      callbackUrl: () => OURS,
      requestRegistration: () => undefined,
      onChange: () => undefined,
      logger
    })
    await own()
    const before = reads.mock.calls.length
    await vi.advanceTimersByTimeAsync(WEBHOOK_RECHECK_MS - 1)
    expect(reads.mock.calls.length).toBe(before)
    await vi.advanceTimersByTimeAsync(1)
    expect(reads.mock.calls.length).toBe(before + 1)
    await vi.advanceTimersByTimeAsync(WEBHOOK_RECHECK_MS)
    expect(reads.mock.calls.length).toBe(before + 2)
  })

  it('says at once, within one re-check, that another desk took it', async () => {
    await own()
    held = THEIRS
    answers.set(THEIRS, { kind: 'desk', identity: { ...FRONT_DESK, deskName: 'Back office' } })
    await vi.advanceTimersByTimeAsync(WEBHOOK_RECHECK_MS)
    expect(ownership.current).toMatchObject({
      state: 'other-desk',
      desk: { deskName: 'Back office' },
      tookItFromUs: true
    })
    expect(lost).toBe(1)
    expect(logger.entries).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: `Back office (${THEIRS}) took the calls for Bakery: they no longer ring here.`
      })
    )
    // Once taken, this desk stops re-reading (until it takes the webhook back).
    const read = owners.length
    await vi.advanceTimersByTimeAsync(3 * WEBHOOK_RECHECK_MS)
    expect(owners.length).toBe(read)
  })

  it('after a tunnel drop, the reconnect’s look still says who took it from us', async () => {
    await own()
    ownership.noPublicUrl()
    expect(ownership.current).toEqual({ state: 'not-needed' })
    held = THEIRS
    answers.set(THEIRS, { kind: 'desk', identity: FRONT_DESK })
    expect(await ownership.beforeRegister(OURS)).toEqual(OWNED_ELSEWHERE)
    expect(ownership.current).toMatchObject({ state: 'other-desk', tookItFromUs: true })
    expect(lost).toBe(1)
    // Looking again at the same owner is no new loss, but still says who took it.
    expect(await ownership.beforeRegister(OURS)).toEqual(OWNED_ELSEWHERE)
    expect(ownership.current).toMatchObject({ state: 'other-desk', tookItFromUs: true })
    expect(lost).toBe(1)
  })

  it('a server that took it is named by its URL', async () => {
    await own()
    held = THEIRS
    await ownership.check()
    expect(ownership.current).toEqual({
      state: 'foreign',
      url: THEIRS,
      checkedAt: Date.now(),
      tookItFromUs: true
    })
  })

  it('Meta dropped the callback: this desk registers again', async () => {
    await own()
    held = undefined
    await ownership.check()
    expect(registrations).toBe(1)
  })

  it('a re-check that changes nothing logs nothing new', async () => {
    await own()
    const lines = logger.entries.length
    await ownership.check()
    await ownership.check()
    expect(logger.entries.length).toBe(lines)
    expect(ownership.current).toMatchObject({ state: 'this-desk', url: OURS })
  })
})

describe('taking over', () => {
  it('registers over another desk of the same Page, once the owner chose it', async () => {
    held = THEIRS
    answers.set(THEIRS, { kind: 'desk', identity: FRONT_DESK })
    await ownership.beforeRegister(OURS)
    const taking = ownership.takeOver()
    expect(registrations).toBe(1)
    // The registrar's next attempt does not look: the owner chose.
    expect(await ownership.beforeRegister(OURS)).toBeUndefined()
    await ownership.registered(OURS)
    expect(await taking).toMatchObject({ state: 'this-desk', url: OURS })
    // The one after looks again.
    held = THEIRS
    expect(await ownership.beforeRegister(OURS)).toEqual(OWNED_ELSEWHERE)
  })

  it('is refused, in a sentence, when the owner serves another Page of the app', async () => {
    held = THEIRS
    answers.set(THEIRS, { kind: 'desk', identity: { ...FRONT_DESK, pageIds: ['555', '777'] } })
    await ownership.beforeRegister(OURS)
    let refusal: unknown
    try {
      await ownership.takeOver()
    } catch (error) {
      refusal = error
    }
    expect(refusal).toBeInstanceOf(ServiceError)
    expect(refusal).toMatchObject({
      code: 'conflict',
      message:
        'Calls for Bakery go to Front desk for another Page of this app (555, 777); one app has one callback URL, so this desk cannot take them over.'
    })
    expect(registrations).toBe(0)
  })

  it('fails with Graph’s sentence when Meta refuses the registration', async () => {
    held = THEIRS
    await ownership.beforeRegister(OURS)
    const taking = ownership.takeOver()
    await ownership.beforeRegister(OURS)
    ownership.failed({ key: 'graph.rateLimited' })
    // In English for the log, and as words for each window to say in its own language.
    await expect(taking).rejects.toMatchObject({
      code: 'graph',
      message: 'Facebook is limiting requests right now. Wait a few minutes and try again.',
      words: { key: 'graph.rateLimited' }
    })
  })

  it('fails with a sentence made without words as it was made', async () => {
    held = THEIRS
    await ownership.beforeRegister(OURS)
    const taking = ownership.takeOver()
    await ownership.beforeRegister(OURS)
    ownership.failed('Facebook refused the address.')
    await expect(taking).rejects.toMatchObject({
      code: 'graph',
      message: 'Facebook refused the address.'
    })
  })

  it('fails in words when Meta never confirms', async () => {
    held = THEIRS
    await ownership.beforeRegister(OURS)
    const taking = ownership.takeOver()
    const settled = expect(taking).rejects.toMatchObject({ code: 'graph' })
    await vi.advanceTimersByTimeAsync(60_000)
    await settled
  })
})
