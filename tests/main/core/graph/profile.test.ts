import { createHmac } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { GraphClient, type GraphCredentials } from '../../../../src/main/core/graph'
import { photoSchemeAllowed } from '../../../../src/main/core/graph/photo'
import { memoryLogger } from '../../../../src/main/core/log'
import { graphError, startFakeGraph, type FakeGraph, type Reply } from './fake-graph'

const creds: GraphCredentials = {
  pageId: '106378625516323',
  pageAccessToken: 'page-token-for-profile-tests',
  appId: '998877',
  appSecret: 'app-secret-for-profile-tests'
}
const PSID = '5275811702471834'
/** The first bytes of a JPEG are enough: nothing decodes it. */
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01])

let graph: FakeGraph | undefined
afterEach(async () => {
  await graph?.close()
  graph = undefined
})

/** Serves the profile at /v26.0/{psid} and the photo at /cdn/pic; `photo` decides the photo reply. */
async function setup(
  photo: Reply,
  profile: Record<string, unknown> = {},
  options: { photoMaxBytes?: number; photoTimeoutMs?: number } = {}
) {
  await graph?.close()
  graph = await startFakeGraph((req) => {
    if (req.path === '/cdn/pic') return photo
    return {
      json: {
        id: PSID,
        first_name: 'Ada',
        last_name: 'Lovelace',
        profile_pic: `${graph?.url}/cdn/pic?oh=signed&oe=123`,
        ...profile
      }
    }
  })
  const logger = memoryLogger()
  const client = new GraphClient({
    host: graph.url,
    credentials: () => creds,
    logger,
    ...options
  })
  return { client, graph, logger }
}

describe('getCallerProfile', () => {
  it('returns the name and the photo as a data URL, and asks Graph for just those fields', async () => {
    const { client, graph } = await setup({ body: JPEG, headers: { 'content-type': 'image/jpeg' } })
    const profile = await client.getCallerProfile(PSID)
    expect(profile).toEqual({
      name: 'Ada Lovelace',
      photo: `data:image/jpeg;base64,${JPEG.toString('base64')}`
    })
    const [lookup, download] = graph.requests
    expect(lookup?.path).toBe(`/v26.0/${PSID}`)
    expect(lookup?.query.get('fields')).toBe('first_name,last_name,profile_pic')
    expect(lookup?.headers.authorization).toBe(`Bearer ${creds.pageAccessToken}`)
    expect(lookup?.query.get('appsecret_proof')).toBe(
      createHmac('sha256', creds.appSecret).update(creds.pageAccessToken).digest('hex')
    )
    // The CDN gets neither the token nor the proof.
    expect(download?.path).toBe('/cdn/pic')
    expect(download?.headers.authorization).toBeUndefined()
    expect(download?.query.get('appsecret_proof')).toBeNull()
  })

  it('keeps the caller’s PSID out of the log, at every level', async () => {
    const { client, logger } = await setup({ status: 500 })
    await client.getCallerProfile(PSID)
    expect(logger.entries.length).toBeGreaterThan(0)
    expect(JSON.stringify(logger.entries)).not.toContain(PSID)
  })

  it('keeps the name and drops a photo that is not a raster image', async () => {
    const { client, logger } = await setup({
      body: '<svg xmlns="http://www.w3.org/2000/svg"/>',
      headers: { 'content-type': 'image/svg+xml' }
    })
    expect(await client.getCallerProfile(PSID)).toEqual({ name: 'Ada Lovelace' })
    const skipped = logger.entries.find((e) => e.message === 'caller photo skipped')
    expect(skipped?.level).toBe('debug')
    expect(JSON.stringify(skipped)).not.toContain('oh=signed')
  })

  it('drops an HTML error page served with 200', async () => {
    const { client } = await setup({
      body: '<html></html>',
      headers: { 'content-type': 'text/html' }
    })
    expect(await client.getCallerProfile(PSID)).toEqual({ name: 'Ada Lovelace' })
  })

  it('drops a photo over the size cap, declared or streamed', async () => {
    const big = Buffer.alloc(5000, 1)
    const cap = { photoMaxBytes: 4096 }
    const declared = await setup(
      { body: big, headers: { 'content-type': 'image/png', 'content-length': '5000' } },
      {},
      cap
    )
    expect(await declared.client.getCallerProfile(PSID)).toEqual({ name: 'Ada Lovelace' })
    expect(JSON.stringify(declared.logger.entries)).toContain('photo is 5000 bytes')
    // Chunked, so the size is only known while reading.
    const streamed = await setup(
      { body: big, headers: { 'content-type': 'image/png', 'transfer-encoding': 'chunked' } },
      {},
      cap
    )
    expect(await streamed.client.getCallerProfile(PSID)).toEqual({ name: 'Ada Lovelace' })
    expect(JSON.stringify(streamed.logger.entries)).toContain('photo is over the 4096 byte cap')
    const under = await setup(
      { body: big, headers: { 'content-type': 'image/png' } },
      {},
      { photoMaxBytes: 8192 }
    )
    expect((await under.client.getCallerProfile(PSID)).photo).toMatch(/^data:image\/png;base64,/)
  })

  it('drops a photo that fails or never arrives', async () => {
    const failed = await setup({ status: 404, body: 'gone' })
    expect(await failed.client.getCallerProfile(PSID)).toEqual({ name: 'Ada Lovelace' })
    const hung = await setup({ hang: true }, {}, { photoTimeoutMs: 150 })
    const started = Date.now()
    expect(await hung.client.getCallerProfile(PSID)).toEqual({ name: 'Ada Lovelace' })
    expect(Date.now() - started).toBeLessThan(1_500)
  })

  it('refuses non-http(s) photo URLs without fetching', async () => {
    const { client, graph } = await setup({ json: {} }, { profile_pic: 'file:///etc/passwd' })
    expect(await client.getCallerProfile(PSID)).toEqual({ name: 'Ada Lovelace' })
    expect(graph.requests).toHaveLength(1)
  })

  it('falls back to `name` and copes without a photo', async () => {
    const { client } = await setup(
      { json: {} },
      { first_name: undefined, last_name: undefined, name: 'Grace H.', profile_pic: undefined }
    )
    expect(await client.getCallerProfile(PSID)).toEqual({ name: 'Grace H.' })
  })

  it('throws a GraphError when the lookup itself fails', async () => {
    graph = await startFakeGraph(() => ({
      status: 403,
      json: graphError(
        10,
        '(#10) To use this endpoint the app needs Business Asset User Profile Access'
      )
    }))
    const client = new GraphClient({ host: graph.url, credentials: () => creds })
    await expect(client.getCallerProfile(PSID)).rejects.toMatchObject({
      kind: 'permission',
      userMessage: expect.stringContaining('Business Asset User Profile Access')
    })
  })
})

describe('photo schemes, also checked after redirects', () => {
  it('allows https always and http only where the Graph host is http', () => {
    expect(photoSchemeAllowed('https:', false)).toBe(true)
    expect(photoSchemeAllowed('http:', false)).toBe(false)
    expect(photoSchemeAllowed('http:', undefined)).toBe(false)
    expect(photoSchemeAllowed('http:', true)).toBe(true)
    expect(photoSchemeAllowed('file:', true)).toBe(false)
    expect(photoSchemeAllowed('data:', true)).toBe(false)
  })
})
