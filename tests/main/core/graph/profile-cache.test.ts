import { afterEach, describe, expect, it } from 'vitest'
import {
  GraphClient,
  GraphError,
  ProfileCache,
  type CallerProfile,
  type GraphCredentials,
  type ProfileSource
} from '../../../../src/main/core/graph'
import { memoryLogger } from '../../../../src/main/core/log'
import { graphError, startFakeGraph, type FakeGraph } from './fake-graph'

/** A source the test settles by hand, counting lookups per PSID. */
function manualSource() {
  const calls: { psid: string; signal: AbortSignal | undefined }[] = []
  const waiting = new Map<
    string,
    { resolve: (p: CallerProfile) => void; reject: (e: unknown) => void }
  >()
  const source: ProfileSource = {
    getCallerProfile: (psid, options) => {
      calls.push({ psid, signal: options?.signal })
      return new Promise((resolve, reject) => waiting.set(psid, { resolve, reject }))
    }
  }
  const settle = (psid: string) => {
    const w = waiting.get(psid)
    if (!w) throw new Error(`no lookup pending for ${psid}`)
    return w
  }
  return {
    source,
    calls,
    resolve: (psid: string, profile: CallerProfile) => settle(psid).resolve(profile),
    reject: (psid: string, error: unknown) => settle(psid).reject(error)
  }
}

const ADA: CallerProfile = { name: 'Ada', photo: 'data:image/png;base64,AA==' }

describe('ProfileCache', () => {
  it('shares one lookup between concurrent callers', async () => {
    const m = manualSource()
    const cache = new ProfileCache(m.source)
    const first = cache.get('1')
    const second = cache.get('1')
    expect(m.calls).toHaveLength(1)
    m.resolve('1', ADA)
    expect(await first).toEqual(ADA)
    expect(await second).toEqual(ADA)
  })

  it('caches a profile until its TTL passes', async () => {
    let now = 1_000_000
    const m = manualSource()
    const cache = new ProfileCache(m.source, { ttlMs: 60_000, now: () => now })
    const pending = cache.get('1')
    m.resolve('1', ADA)
    await pending
    expect(await cache.get('1')).toEqual(ADA)
    expect(cache.peek('1')).toEqual(ADA)
    expect(m.calls).toHaveLength(1)
    now += 60_001
    expect(cache.peek('1')).toBeUndefined()
    void cache.get('1')
    expect(m.calls).toHaveLength(2)
  })

  it('never rejects; remembers a failure for a shorter time', async () => {
    let now = 0
    const m = manualSource()
    const logger = memoryLogger()
    const cache = new ProfileCache(m.source, { failureTtlMs: 5_000, now: () => now, logger })
    const pending = cache.get('1')
    m.reject('1', new GraphError({ kind: 'unavailable', message: 'Graph GET /1 timed out' }))
    expect(await pending).toBeUndefined()
    expect(await cache.get('1')).toBeUndefined()
    expect(m.calls).toHaveLength(1)
    expect(logger.entries.at(-1)).toMatchObject({ level: 'debug' })
    now += 5_001
    void cache.get('1')
    expect(m.calls).toHaveLength(2)
  })

  it('never rejects even when the source throws synchronously or rejects with a non-Error', async () => {
    const cache = new ProfileCache({
      getCallerProfile: () => {
        throw new Error('sync boom')
      }
    })
    await expect(cache.get('1')).resolves.toBeUndefined()
    const other = new ProfileCache({ getCallerProfile: () => Promise.reject('just a string') })
    await expect(other.get('2')).resolves.toBeUndefined()
    await expect(other.get('')).resolves.toBeUndefined()
  })

  it('gives up after its timeout and aborts the lookup', async () => {
    const m = manualSource()
    const cache = new ProfileCache(m.source, { timeoutMs: 50 })
    const started = Date.now()
    expect(await cache.get('1')).toBeUndefined()
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(m.calls[0]?.signal?.aborted).toBe(true)
    // A late answer after the timeout does not sneak into the cache.
    m.resolve('1', ADA)
    await Promise.resolve()
    expect(cache.peek('1')).toBeUndefined()
  })

  it('keeps at most maxEntries, evicting the least recently used', async () => {
    const m = manualSource()
    const cache = new ProfileCache(m.source, { maxEntries: 2 })
    for (const psid of ['a', 'b']) {
      const p = cache.get(psid)
      m.resolve(psid, { name: psid })
      await p
    }
    expect(await cache.get('a')).toEqual({ name: 'a' }) // touch a: b is now the oldest
    const c = cache.get('c')
    m.resolve('c', { name: 'c' })
    await c
    expect(cache.size).toBe(2)
    expect(cache.peek('a')).toEqual({ name: 'a' })
    expect(cache.peek('b')).toBeUndefined()
  })

  it('clear() forgets everything, including answers still on their way', async () => {
    const m = manualSource()
    const cache = new ProfileCache(m.source)
    const early = cache.get('1')
    cache.clear()
    m.resolve('1', ADA)
    expect(await early).toEqual(ADA)
    expect(cache.peek('1')).toBeUndefined()
    void cache.get('1')
    expect(m.calls).toHaveLength(2)
  })
})

describe('ProfileCache over the real client', () => {
  const creds: GraphCredentials = {
    pageId: '106378625516323',
    pageAccessToken: 'cache-test-page-token-77',
    appId: '998877',
    appSecret: 'cache-test-app-secret'
  }
  let graph: FakeGraph | undefined
  afterEach(async () => {
    await graph?.close()
    graph = undefined
  })

  it('resolves undefined on an expired token and logs a warning without the token', async () => {
    graph = await startFakeGraph((req) => ({
      status: 400,
      json: graphError(
        190,
        `Error validating access token ${req.headers.authorization ?? ''}: Session has expired`,
        { subcode: 463 }
      )
    }))
    const logger = memoryLogger()
    const client = new GraphClient({ host: graph.url, credentials: () => creds, logger })
    const cache = new ProfileCache(client, { logger })
    await expect(cache.get('5275811702471834')).resolves.toBeUndefined()
    const warning = logger.entries.find((e) => e.level === 'warn')
    expect(warning?.fields).toMatchObject({ kind: 'token-expired', fbtraceId: 'AbCdEfTrace123' })
    expect(JSON.stringify(logger.entries)).not.toContain(creds.pageAccessToken)
  })

  it('does not keep ringing waiting on a Graph that never answers', async () => {
    graph = await startFakeGraph(() => ({ hang: true }))
    const client = new GraphClient({ host: graph.url, credentials: () => creds })
    const cache = new ProfileCache(client, { timeoutMs: 100 })
    const started = Date.now()
    await expect(cache.get('5275811702471834')).resolves.toBeUndefined()
    expect(Date.now() - started).toBeLessThan(1_000)
  })

  it('returns the profile through the cache', async () => {
    graph = await startFakeGraph(() => ({ json: { first_name: 'Ada', last_name: 'L' } }))
    const client = new GraphClient({ host: graph.url, credentials: () => creds })
    const cache = new ProfileCache(client)
    expect(await cache.get('42')).toEqual({ name: 'Ada L' })
    expect(await cache.get('42')).toEqual({ name: 'Ada L' })
    expect(graph.requests).toHaveLength(1)
  })
})
