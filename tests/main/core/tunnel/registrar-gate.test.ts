/**
 * The registrar with its gate (core/webhook-owner): it asks before each registration, shows the
 * gate's status instead of registering when told to, and reports how each registration ended.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { RegistrationStatus } from '../../../../src/shared/tunnel'
import { OWNED_ELSEWHERE } from '../../../../src/shared/tunnel'
import { GraphError, type AppWebhookSubscription } from '../../../../src/main/core/graph'
import { memoryLogger } from '../../../../src/main/core/log'
import { WebhookRegistrar, type RegistrationGate } from '../../../../src/main/core/tunnel/registrar'
import { words } from '../../../../src/shared/words'

let subscribed: AppWebhookSubscription[]
let subscribeFails: Error | undefined
let verdict: RegistrationStatus | undefined
let gate: { [K in keyof RegistrationGate]: ReturnType<typeof vi.fn<RegistrationGate[K]>> }
let statuses: RegistrationStatus[]
let registrar: WebhookRegistrar

beforeEach(() => {
  vi.useFakeTimers()
  subscribed = []
  subscribeFails = undefined
  verdict = undefined
  statuses = []
  gate = {
    beforeRegister: vi.fn<RegistrationGate['beforeRegister']>(async () => verdict),
    registered: vi.fn<RegistrationGate['registered']>(async () => undefined),
    failed: vi.fn<RegistrationGate['failed']>()
  }
  registrar = new WebhookRegistrar({
    graph: {
      subscribeAppWebhook: async (subscription) => {
        if (subscribeFails) throw subscribeFails
        subscribed.push(subscription)
      }
    },
    webhookPath: '/webhook',
    verifyToken: () => 'verify',
    lastVerification: () => ({ ok: true, at: Date.now() }),
    logger: memoryLogger(),
    gate,
    random: () => 0
  })
  registrar.on('status', (status) => statuses.push(status))
})

afterEach(() => {
  registrar.dispose()
  vi.useRealTimers()
})

const settle = async (): Promise<void> => {
  await vi.advanceTimersByTimeAsync(0)
}

describe('the registrar with a gate', () => {
  it('asks the gate, registers, and tells it the URL is this desk’s now', async () => {
    registrar.update('https://one.tunnel.example')
    await settle()
    expect(gate.beforeRegister).toHaveBeenCalledWith('https://one.tunnel.example/webhook')
    expect(subscribed.map((s) => s.callbackUrl)).toEqual(['https://one.tunnel.example/webhook'])
    expect(gate.registered).toHaveBeenCalledWith('https://one.tunnel.example/webhook')
    expect(registrar.status).toMatchObject({ state: 'registered' })
  })

  it('does not register over another owner: shows the gate’s status, and does not retry', async () => {
    verdict = OWNED_ELSEWHERE
    registrar.update('https://one.tunnel.example')
    await settle()
    expect(subscribed).toEqual([])
    expect(registrar.status).toEqual(OWNED_ELSEWHERE)
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(gate.beforeRegister).toHaveBeenCalledTimes(1)
    expect(gate.registered).not.toHaveBeenCalled()
  })

  it('a reconnect asks again before registering again', async () => {
    registrar.update('https://one.tunnel.example')
    await settle()
    verdict = OWNED_ELSEWHERE
    registrar.update('https://two.tunnel.example')
    await settle()
    expect(gate.beforeRegister).toHaveBeenCalledTimes(2)
    expect(subscribed.map((s) => s.callbackUrl)).toEqual(['https://one.tunnel.example/webhook'])
    expect(statuses.at(-1)).toEqual(OWNED_ELSEWHERE)
  })

  it('when Meta cannot be asked, it fails with a sentence and retries', async () => {
    gate.beforeRegister.mockRejectedValueOnce(
      new GraphError({
        kind: 'unavailable',
        message: 'down',
        userWords: words('graph.unavailable')
      })
    )
    registrar.update('https://one.tunnel.example')
    await settle()
    const unavailable = 'Facebook is having trouble right now; try again in a few minutes.'
    expect(registrar.status).toMatchObject({ state: 'failed', message: unavailable })
    // As words: the take-over's refusal is said in each window's language.
    expect(gate.failed).toHaveBeenCalledWith(words('graph.unavailable'))
    await vi.advanceTimersByTimeAsync(60_000)
    expect(registrar.status).toMatchObject({ state: 'registered' })
  })

  it('tells the gate when Meta refuses the registration', async () => {
    subscribeFails = new GraphError({
      kind: 'other',
      message: 'Graph POST failed (#2200)',
      userWords: words('graph.refusedSaying', { said: 'the address.' })
    })
    registrar.update('https://one.tunnel.example')
    await settle()
    expect(gate.failed).toHaveBeenCalledWith(words('graph.refusedSaying', { said: 'the address.' }))
  })
})
