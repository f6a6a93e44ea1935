import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { RegistrationStatus } from '../../../../src/shared/tunnel'
import { GraphError, type AppWebhookSubscription } from '../../../../src/main/core/graph'
import { memoryLogger } from '../../../../src/main/core/log'
import {
  WEBHOOK_FIELDS,
  WebhookRegistrar,
  type HandshakeCheck
} from '../../../../src/main/core/tunnel/registrar'
import type { VerificationInfo } from '../../../../src/main/core/webhook/server'
import { words } from '../../../../src/shared/words'

interface Pending {
  subscription: AppWebhookSubscription
  resolve(): void
  reject(error: unknown): void
}

let calls: Pending[]
/** What Meta does while the POST is open: by default, its handshake reaches us. */
let duringSubscribe: () => void
let lastVerification: VerificationInfo | undefined
let verifyToken: string | undefined
let handshakeCheck: ReturnType<typeof vi.fn<HandshakeCheck>>
let statuses: RegistrationStatus[]
let registrar: WebhookRegistrar

const graph = {
  subscribeAppWebhook: (subscription: AppWebhookSubscription): Promise<void> =>
    new Promise((resolve, reject) => {
      duringSubscribe()
      calls.push({ subscription, resolve, reject })
    })
}

const handshakeSeen = (): void => {
  lastVerification = { ok: true, at: Date.now() }
}

function create(): WebhookRegistrar {
  registrar = new WebhookRegistrar({
    graph,
    webhookPath: '/webhook',
    verifyToken: () => verifyToken,
    lastVerification: () => lastVerification,
    logger: memoryLogger(),
    handshakeCheck,
    random: () => 0
  })
  registrar.on('status', (status) => statuses.push(status))
  return registrar
}

const settle = async (): Promise<void> => {
  await vi.advanceTimersByTimeAsync(0)
}

function refused(said: string): GraphError {
  const userWords = words('graph.refusedSaying', { said })
  return new GraphError({ kind: 'other', message: 'Graph POST failed (#2200)', userWords })
}

beforeEach(() => {
  vi.useFakeTimers()
  calls = []
  duringSubscribe = handshakeSeen
  lastVerification = undefined
  verifyToken = 'verify-token-for-tests'
  handshakeCheck = vi.fn<HandshakeCheck>(async () => false)
  statuses = []
  create()
})

afterEach(() => {
  registrar.dispose()
  vi.useRealTimers()
})

describe('registering a public URL', () => {
  it('subscribes the callback (public URL + webhook path) for the calling fields', async () => {
    registrar.update('https://one.tunnel.example/')
    expect(registrar.status).toEqual({
      state: 'registering',
      callbackUrl: 'https://one.tunnel.example/webhook',
      attempt: 1
    })
    expect(calls.map((c) => c.subscription)).toEqual([
      {
        callbackUrl: 'https://one.tunnel.example/webhook',
        verifyToken: 'verify-token-for-tests',
        fields: WEBHOOK_FIELDS
      }
    ])
    expect(WEBHOOK_FIELDS).toEqual(['calls', 'call_permission_reply', 'messages'])
    calls[0]?.resolve()
    await settle()
    expect(registrar.status).toEqual({
      state: 'registered',
      callbackUrl: 'https://one.tunnel.example/webhook',
      at: Date.now(),
      handshakeConfirmed: true
    })
    expect(handshakeCheck).not.toHaveBeenCalled()
  })

  it('a handshake from before the registration does not count', async () => {
    lastVerification = { ok: true, at: Date.now() - 1 }
    duringSubscribe = () => undefined
    registrar.update('https://one.tunnel.example')
    calls[0]?.resolve()
    await settle()
    expect(registrar.status).toMatchObject({ state: 'registered', handshakeConfirmed: false })
  })

  it('a refused handshake does not count either', async () => {
    duringSubscribe = () => {
      lastVerification = { ok: false, at: Date.now(), reason: 'token' }
    }
    registrar.update('https://one.tunnel.example')
    calls[0]?.resolve()
    await settle()
    expect(registrar.status).toMatchObject({ state: 'registered', handshakeConfirmed: false })
  })

  it('falls back to its own handshake through the public URL when Meta’s was not seen', async () => {
    duringSubscribe = () => undefined
    handshakeCheck.mockImplementation(async () => {
      handshakeSeen()
      return true
    })
    registrar.update('https://one.tunnel.example')
    calls[0]?.resolve()
    await settle()
    expect(handshakeCheck).toHaveBeenCalledWith(
      'https://one.tunnel.example/webhook',
      'verify-token-for-tests',
      expect.any(AbortSignal)
    )
    expect(registrar.status).toMatchObject({ state: 'registered', handshakeConfirmed: true })
  })

  it('an echo that did not pass through our listener is no confirmation', async () => {
    duringSubscribe = () => undefined
    handshakeCheck.mockResolvedValue(true)
    registrar.update('https://one.tunnel.example')
    calls[0]?.resolve()
    await settle()
    expect(registrar.status).toMatchObject({ state: 'registered', handshakeConfirmed: false })
  })

  it('is not needed while the Page and app are not set up', async () => {
    verifyToken = undefined
    registrar.update('https://one.tunnel.example')
    await settle()
    expect(calls).toHaveLength(0)
    expect(registrar.status).toEqual({ state: 'not-needed', reason: 'not-configured' })
  })

  it('treats Graph’s not-configured error the same way, without retrying', async () => {
    registrar.update('https://one.tunnel.example')
    calls[0]?.reject(new GraphError({ kind: 'not-configured', message: 'no app id' }))
    await settle()
    expect(registrar.status).toEqual({ state: 'not-needed', reason: 'not-configured' })
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(calls).toHaveLength(1)
  })

  it('goes back to idle when the public URL goes away', async () => {
    registrar.update('https://one.tunnel.example')
    calls[0]?.resolve()
    await settle()
    registrar.update(null)
    expect(registrar.status).toEqual({ state: 'not-needed', reason: 'no-public-url' })
  })
})

describe('coalescing', () => {
  it('registers only the newest URL once the one in flight is done', async () => {
    registrar.update('https://a.tunnel.example')
    registrar.update('https://b.tunnel.example')
    registrar.update('https://c.tunnel.example')
    expect(calls).toHaveLength(1)
    calls[0]?.resolve()
    await settle()
    expect(calls.map((c) => c.subscription.callbackUrl)).toEqual([
      'https://a.tunnel.example/webhook',
      'https://c.tunnel.example/webhook'
    ])
    calls[1]?.resolve()
    await settle()
    expect(registrar.status).toMatchObject({
      state: 'registered',
      callbackUrl: 'https://c.tunnel.example/webhook'
    })
    // The result for A never showed as the current state.
    expect(statuses.filter((s) => s.state === 'registered').map((s) => s.callbackUrl)).toEqual([
      'https://c.tunnel.example/webhook'
    ])
  })

  it('asking again for the URL in flight adds no request', async () => {
    registrar.update('https://a.tunnel.example')
    registrar.update('https://a.tunnel.example')
    calls[0]?.resolve()
    await settle()
    expect(calls).toHaveLength(1)
    expect(registrar.status).toMatchObject({ state: 'registered' })
  })

  it('a newer URL that goes back to the one in flight needs nothing more either', async () => {
    registrar.update('https://a.tunnel.example')
    registrar.update('https://b.tunnel.example')
    registrar.update('https://a.tunnel.example')
    calls[0]?.resolve()
    await settle()
    expect(calls).toHaveLength(1)
  })

  it('re-registers an unchanged URL after a reconnect (Meta may have disabled it)', async () => {
    registrar.update('https://a.tunnel.example')
    calls[0]?.resolve()
    await settle()
    registrar.update(null)
    registrar.update('https://a.tunnel.example')
    expect(calls).toHaveLength(2)
  })

  it('a URL withdrawn while in flight leaves it idle', async () => {
    registrar.update('https://a.tunnel.example')
    registrar.update(null)
    calls[0]?.resolve()
    await settle()
    expect(registrar.status).toEqual({ state: 'not-needed', reason: 'no-public-url' })
  })
})

describe('failures', () => {
  it('shows Graph’s sentence and retries with backoff until it works', async () => {
    registrar.update('https://a.tunnel.example')
    calls[0]?.reject(refused('callback verification failed.'))
    await settle()
    expect(registrar.status).toEqual({
      state: 'failed',
      callbackUrl: 'https://a.tunnel.example/webhook',
      message: 'Facebook refused the request: callback verification failed.',
      words: { key: 'graph.refusedSaying', params: { said: 'callback verification failed.' } },
      retryInMs: 2000
    })
    await vi.advanceTimersByTimeAsync(1999)
    expect(calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(calls).toHaveLength(2)
    expect(registrar.status).toMatchObject({ state: 'registering', attempt: 2 })
    calls[1]?.reject(refused('Facebook did not answer in time.'))
    await settle()
    expect(registrar.status).toMatchObject({ state: 'failed', retryInMs: 4000 })
    await vi.advanceTimersByTimeAsync(4000)
    calls[2]?.resolve()
    await settle()
    expect(registrar.status).toMatchObject({ state: 'registered', handshakeConfirmed: true })
  })

  it('anything but a GraphError still gets a sentence', async () => {
    registrar.update('https://a.tunnel.example')
    calls[0]?.reject(new TypeError('boom'))
    await settle()
    expect(registrar.status).toMatchObject({
      state: 'failed',
      message: 'The webhook could not be registered with Facebook; see the log for details.'
    })
  })

  it('a new URL during the wait is registered at once, and the old retry never runs', async () => {
    registrar.update('https://a.tunnel.example')
    calls[0]?.reject(refused('No.'))
    await settle()
    registrar.update('https://b.tunnel.example')
    expect(calls.map((c) => c.subscription.callbackUrl)).toEqual([
      'https://a.tunnel.example/webhook',
      'https://b.tunnel.example/webhook'
    ])
    expect(registrar.status).toMatchObject({ state: 'registering', attempt: 1 })
    calls[1]?.resolve()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(calls).toHaveLength(2)
  })

  it('no public URL during the wait: the retry is cancelled', async () => {
    registrar.update('https://a.tunnel.example')
    calls[0]?.reject(refused('No.'))
    await settle()
    registrar.update(null)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(calls).toHaveLength(1)
    expect(registrar.status).toEqual({ state: 'not-needed', reason: 'no-public-url' })
  })

  it('dispose cancels a pending retry', async () => {
    registrar.update('https://a.tunnel.example')
    calls[0]?.reject(refused('No.'))
    await settle()
    registrar.dispose()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(calls).toHaveLength(1)
  })
})
