import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { TunnelStatus } from '../../../../src/shared/tunnel'
import { memoryLogger } from '../../../../src/main/core/log'
import {
  TunnelError,
  type TunnelConnection,
  type TunnelConnector,
  type TunnelRequest
} from '../../../../src/main/core/tunnel/connection'
import {
  DEFAULT_OPEN_TIMEOUT_MS,
  TunnelService,
  type TunnelConfig
} from '../../../../src/main/core/tunnel/tunnel-service'

class FakeConnection implements TunnelConnection {
  closed = false
  private readonly listeners: ((reason: string) => void)[] = []
  constructor(readonly url: string) {}
  onDown(listener: (reason: string) => void): void {
    this.listeners.push(listener)
  }
  close(): void {
    this.closed = true
  }
  drop(reason: string): void {
    for (const listener of this.listeners) listener(reason)
  }
}

interface Attempt {
  request: TunnelRequest
  signal: AbortSignal
  succeed(url: string): FakeConnection
  fail(error: unknown): void
}

/** A connector whose attempts the test settles by hand; like the real one, it honours `signal`. */
function fakeConnector(): { connector: TunnelConnector; attempts: Attempt[] } {
  const attempts: Attempt[] = []
  const connector: TunnelConnector = (request, signal) =>
    new Promise((resolve, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason), { once: true })
      attempts.push({
        request,
        signal,
        succeed: (url) => {
          const connection = new FakeConnection(url)
          resolve(connection)
          return connection
        },
        fail: reject
      })
    })
  return { connector, attempts }
}

const LOCALTUNNEL: TunnelConfig = {
  mode: 'localtunnel',
  host: 'https://tunnel.example',
  subdomain: undefined,
  publicUrl: undefined
}

let fake: ReturnType<typeof fakeConnector>
let statuses: TunnelStatus[]
let urls: (string | null)[]
let service: TunnelService

function start(config: TunnelConfig = LOCALTUNNEL, random = (): number => 0): TunnelService {
  service = new TunnelService({
    config,
    localPort: 47800,
    logger: memoryLogger(),
    connector: fake.connector,
    random
  })
  service.on('status', (status) => statuses.push(status))
  service.on('publicUrl', (url) => urls.push(url))
  service.start()
  return service
}

/** Runs the clock to the retry the service is waiting for. */
async function untilRetried(): Promise<void> {
  const status = service.status
  if (status.state !== 'reconnecting') throw new Error(`not reconnecting: ${status.state}`)
  await vi.advanceTimersByTimeAsync(status.retryInMs)
}

/** Lets promise callbacks run (fake timers do not advance on their own). */
const settle = async (): Promise<void> => {
  await vi.advanceTimersByTimeAsync(0)
}

beforeEach(() => {
  vi.useFakeTimers()
  fake = fakeConnector()
  statuses = []
  urls = []
})

afterEach(() => {
  service.stop()
  vi.useRealTimers()
})

describe('modes without a tunnel of ours', () => {
  it('none: stays off and opens nothing', () => {
    start({ mode: 'none', host: undefined, subdomain: undefined, publicUrl: undefined })
    expect(service.status).toEqual({ state: 'off' })
    expect(service.publicUrl).toBeNull()
    expect(fake.attempts).toHaveLength(0)
    expect(urls).toEqual([])
  })

  it('own-url: up at once with the given URL; refresh announces it again', () => {
    const config: TunnelConfig = {
      mode: 'own-url',
      host: undefined,
      subdomain: undefined,
      publicUrl: 'https://calls.example.com'
    }
    start(config)
    expect(service.status).toEqual({ state: 'up', url: 'https://calls.example.com' })
    service.refresh()
    expect(urls).toEqual(['https://calls.example.com', null, 'https://calls.example.com'])
    expect(fake.attempts).toHaveLength(0)
  })

  it('own-url without a URL: an error that says what to do', () => {
    start({ mode: 'own-url', host: undefined, subdomain: undefined, publicUrl: undefined })
    expect(service.status).toMatchObject({
      state: 'error',
      message: expect.stringMatching(/^No public address is set: .+ in Settings/),
      words: { key: 'tunnel.noPublicUrl' }
    })
  })
})

describe('localtunnel', () => {
  it('connects with the listener port, host and subdomain, then reports the URL', async () => {
    start({ ...LOCALTUNNEL, subdomain: 'desk' })
    expect(service.status).toEqual({ state: 'connecting', attempt: 1 })
    expect(fake.attempts[0]?.request).toEqual({
      localPort: 47800,
      host: 'https://tunnel.example',
      subdomain: 'desk'
    })
    fake.attempts[0]?.succeed('https://desk.tunnel.example')
    await settle()
    expect(service.status).toEqual({ state: 'up', url: 'https://desk.tunnel.example' })
    expect(service.publicUrl).toBe('https://desk.tunnel.example')
    expect(urls).toEqual(['https://desk.tunnel.example'])
  })

  it('asks again for its subdomain when given another, then takes the other', async () => {
    start({ ...LOCALTUNNEL, subdomain: 'desk' })
    // Still held by the server a moment after a blip: another one comes back.
    const taken = fake.attempts[0]!.succeed('https://a1b2c3.tunnel.example')
    await settle()
    expect(taken.closed).toBe(true)
    expect(urls).toEqual([])
    expect(service.status).toMatchObject({
      state: 'reconnecting',
      lastError: 'The subdomain desk was still taken.'
    })
    await untilRetried()
    fake.attempts[1]!.succeed('https://desk.tunnel.example')
    await settle()
    expect(urls).toEqual(['https://desk.tunnel.example'])

    // Taken for good (someone else holds it): after two more tries, the other address it is.
    fake.attempts.length = 0
    service.refresh()
    for (let i = 0; i < 3; i++) {
      if (i > 0) await untilRetried()
      fake.attempts[i]!.succeed(`https://other${i}.tunnel.example`)
      await settle()
    }
    expect(fake.attempts).toHaveLength(3)
    expect(service.status).toEqual({ state: 'up', url: 'https://other2.tunnel.example' })
  })

  it('an http public URL is up with a warning in words, from a tunnel or the owner', async () => {
    start()
    fake.attempts[0]?.succeed('http://desk.tunnel.example')
    await settle()
    expect(service.status).toMatchObject({
      url: 'http://desk.tunnel.example',
      warning: expect.stringMatching(/^The tunnel gave an http address \(http:\/\/desk\./),
      warningWords: {
        key: 'tunnel.httpFromTunnel',
        params: { url: 'http://desk.tunnel.example' }
      }
    })
    service.stop()
    start({ mode: 'own-url', host: undefined, subdomain: undefined, publicUrl: 'http://c.example' })
    expect(service.status).toMatchObject({
      warning: expect.stringMatching(/^The public address http:\/\/c\.example is http, /),
      warningWords: { key: 'tunnel.httpOwnUrl', params: { url: 'http://c.example' } }
    })
  })

  it('uses localtunnel’s public server when no host is set', () => {
    start({ ...LOCALTUNNEL, host: undefined, subdomain: undefined })
    expect(fake.attempts[0]?.request).toMatchObject({
      host: 'https://localtunnel.me',
      subdomain: undefined
    })
  })

  it('backs off exponentially between failed attempts, capped at 30 s', async () => {
    start()
    const delays: number[] = []
    for (let n = 1; n <= 8; n++) {
      fake.attempts[n - 1]?.fail(new TunnelError(`The tunnel server is busy (${n}).`))
      await settle()
      const status = service.status
      if (status.state !== 'reconnecting')
        throw new Error(`expected reconnecting, got ${status.state}`)
      expect(status).toEqual({
        state: 'reconnecting',
        attempt: n + 1,
        retryInMs: status.retryInMs,
        lastError: `The tunnel server is busy (${n}).`
      })
      delays.push(status.retryInMs)
      // Nothing happens a moment before the delay is over; the next attempt starts right at it.
      await vi.advanceTimersByTimeAsync(status.retryInMs - 1)
      expect(fake.attempts).toHaveLength(n)
      await vi.advanceTimersByTimeAsync(1)
      expect(fake.attempts).toHaveLength(n + 1)
      expect(service.status).toEqual({ state: 'connecting', attempt: n + 1 })
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000])
  })

  it('applies jitter to the delays', async () => {
    start(LOCALTUNNEL, () => 0.5)
    fake.attempts[0]?.fail(new TunnelError('No.'))
    await settle()
    expect(service.status).toMatchObject({ state: 'reconnecting', retryInMs: 900 })
  })

  it('gives up an attempt that takes too long and says so', async () => {
    start()
    await vi.advanceTimersByTimeAsync(DEFAULT_OPEN_TIMEOUT_MS)
    expect(fake.attempts[0]?.signal.aborted).toBe(true)
    expect(service.status).toMatchObject({
      state: 'reconnecting',
      attempt: 2,
      lastError: 'The tunnel server https://tunnel.example did not open a tunnel within 20 s.'
    })
  })

  it('an unknown failure still gets a sentence', async () => {
    start()
    fake.attempts[0]?.fail(new Error('ECONNRESET deep inside'))
    await settle()
    expect(service.status).toMatchObject({
      state: 'reconnecting',
      lastError: 'The tunnel could not be opened; see the log for details.'
    })
  })

  it('stops retrying on a permanent refusal, until refreshed', async () => {
    start()
    fake.attempts[0]?.fail(new TunnelError('The tunnel server refused: bad subdomain.', true))
    await settle()
    expect(service.status).toEqual({
      state: 'error',
      message: 'The tunnel server refused: bad subdomain.'
    })
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(fake.attempts).toHaveLength(1)
    service.refresh()
    expect(fake.attempts).toHaveLength(2)
  })

  it('reconnects after a drop, announcing the URL going away and the new one', async () => {
    start()
    const first = fake.attempts[0]?.succeed('https://one.tunnel.example')
    await settle()
    first?.drop('The connection to the tunnel server was lost.')
    expect(first?.closed).toBe(true)
    expect(service.status).toEqual({
      state: 'reconnecting',
      attempt: 1,
      retryInMs: 1000,
      lastError: 'The connection to the tunnel server was lost.'
    })
    expect(service.publicUrl).toBeNull()
    await vi.advanceTimersByTimeAsync(1000)
    expect(service.status).toEqual({ state: 'connecting', attempt: 1 })
    fake.attempts[1]?.succeed('https://two.tunnel.example')
    await settle()
    expect(urls).toEqual(['https://one.tunnel.example', null, 'https://two.tunnel.example'])
    expect(statuses.map((s) => s.state)).toEqual([
      'connecting',
      'up',
      'reconnecting',
      'connecting',
      'up'
    ])
  })

  it('starts the backoff over once the tunnel was up again', async () => {
    start()
    fake.attempts[0]?.fail(new TunnelError('No.'))
    await settle()
    await vi.advanceTimersByTimeAsync(1000)
    fake.attempts[1]?.fail(new TunnelError('No.'))
    await settle()
    expect(service.status).toMatchObject({ retryInMs: 2000 })
    await vi.advanceTimersByTimeAsync(2000)
    const connection = fake.attempts[2]?.succeed('https://x.tunnel.example')
    await settle()
    connection?.drop('gone')
    expect(service.status).toMatchObject({ state: 'reconnecting', attempt: 1, retryInMs: 1000 })
  })

  it('refresh while up: closes the tunnel and opens a new one at once', async () => {
    start()
    const first = fake.attempts[0]?.succeed('https://one.tunnel.example')
    await settle()
    service.refresh()
    expect(first?.closed).toBe(true)
    expect(fake.attempts).toHaveLength(2)
    expect(service.status).toEqual({ state: 'connecting', attempt: 1 })
    fake.attempts[1]?.succeed('https://one.tunnel.example')
    await settle()
    // Announced again even though unchanged: the registrar re-registers after every reconnect.
    expect(urls).toEqual(['https://one.tunnel.example', null, 'https://one.tunnel.example'])
  })

  it('refresh during a backoff wait: tries now, and a late drop of the old tunnel is ignored', async () => {
    start()
    const first = fake.attempts[0]?.succeed('https://one.tunnel.example')
    await settle()
    first?.drop('gone')
    fake.attempts.length = 0
    service.refresh()
    expect(fake.attempts).toHaveLength(1)
    expect(service.status).toEqual({ state: 'connecting', attempt: 1 })
    fake.attempts[0]?.succeed('https://two.tunnel.example')
    await settle()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(fake.attempts).toHaveLength(1)
    first?.drop('gone again')
    expect(service.status).toEqual({ state: 'up', url: 'https://two.tunnel.example' })
  })

  it('a cancelled attempt that succeeds late is closed, not used', async () => {
    const connector: TunnelConnector = () =>
      new Promise((resolve) => setTimeout(() => resolve(late), 500))
    const late = new FakeConnection('https://late.tunnel.example')
    service = new TunnelService({
      config: LOCALTUNNEL,
      localPort: 1,
      logger: memoryLogger(),
      connector
    })
    service.start()
    service.stop()
    await vi.advanceTimersByTimeAsync(500)
    expect(late.closed).toBe(true)
    expect(service.status).toEqual({ state: 'off' })
  })

  it('stop: closes the tunnel, cancels any retry, and reports off', async () => {
    start()
    const first = fake.attempts[0]?.succeed('https://one.tunnel.example')
    await settle()
    service.stop()
    expect(first?.closed).toBe(true)
    expect(service.status).toEqual({ state: 'off' })
    expect(urls.at(-1)).toBeNull()
    first?.drop('late')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(fake.attempts).toHaveLength(1)
    expect(service.status).toEqual({ state: 'off' })
  })

  it('stop during a backoff wait aborts nothing twice and schedules nothing', async () => {
    start()
    fake.attempts[0]?.fail(new TunnelError('No.'))
    await settle()
    service.stop()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(fake.attempts).toHaveLength(1)
    service.refresh()
    expect(fake.attempts).toHaveLength(1)
  })
})
