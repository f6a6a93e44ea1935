/**
 * The setup checks against the simulator's fake Graph over real HTTP: a good setup passes every
 * check, and each thing an owner can get wrong on Meta's side fails the right check with the
 * sentence that says how to fix it (later checks that depend on it are skipped, not piled on).
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CoreStatus } from '../../../../src/shared/api'
import type { SetupCheckId, SetupReport } from '../../../../src/shared/onboarding'
import {
  MemorySecretStore,
  defaultSettings,
  type Credentials
} from '../../../../src/main/core/config'
import { GraphClient } from '../../../../src/main/core/graph'
import { silentLogger } from '../../../../src/main/core/log'
import { createOnboarding, type OnboardingPort } from '../../../../src/main/core/onboarding'
import type { VerificationInfo } from '../../../../src/main/core/webhook/server'
import { createFakeGraph, type FakeGraph } from '../../../../src/main/simulator/platform'
import { englishWords } from '../../../../src/shared/words-english'

const PAGE_ID = '106378625516323'
const APP_ID = '987654321012345'
const APP_SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'
const PAGE_TOKEN = 'EAASetupChecksPageToken0123456789abcdef'
const VERIFY_TOKEN = 'setup-checks-verify-token'
const DAY_S = 24 * 3600

let graph: FakeGraph
let echo: Server
let callbackUrl: string
let creds: Credentials
let status: CoreStatus
let lastVerification: VerificationInfo | undefined
let requestRegistration: ReturnType<typeof vi.fn<() => void>>
let onboarding: OnboardingPort

function makeOnboarding(graphClient: GraphClient): OnboardingPort {
  return createOnboarding({
    graph: graphClient,
    status: () => status,
    lastVerification: () => lastVerification,
    credentials: () => creds,
    applyCredentials: (next) => {
      creds = next
    },
    requestRegistration,
    secrets: new MemorySecretStore(),
    settings: { update: async () => defaultSettings() },
    logger: silentLogger,
    settleTimeoutMs: 1000
  })
}

/** Answers Meta's verification GET like the app's webhook listener does. */
async function startEchoServer(): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    res.end(url.searchParams.get('hub.challenge') ?? '')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return server
}

function registered(handshakeConfirmed = true, url = callbackUrl): CoreStatus['registration'] {
  return { state: 'registered', callbackUrl: url, at: Date.now(), handshakeConfirmed }
}

beforeEach(async () => {
  graph = await createFakeGraph({
    pageId: PAGE_ID,
    pageName: 'Corner Bakery',
    pageAccessToken: PAGE_TOKEN,
    appId: APP_ID,
    appSecret: APP_SECRET,
    handshakeTimeoutMs: 2000
  })
  echo = await startEchoServer()
  const base = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`
  callbackUrl = `${base}/webhook`
  creds = {
    pageId: PAGE_ID,
    pageAccessToken: PAGE_TOKEN,
    appId: APP_ID,
    appSecret: APP_SECRET,
    verifyToken: VERIFY_TOKEN
  }
  const client = new GraphClient({ credentials: () => creds, host: graph.url })
  // A good setup: the Page subscribed, the app's webhook pointing here, the handshake seen.
  graph.setPageSubscribedFields(['messages', 'calls'])
  await client.subscribeAppWebhook({ callbackUrl, verifyToken: VERIFY_TOKEN, fields: ['calls'] })
  status = {
    page: { configured: true, pageId: PAGE_ID },
    webhookUrl: 'http://127.0.0.1:47800/webhook',
    publicUrl: base,
    tunnel: { state: 'up', url: base },
    registration: registered()
  }
  lastVerification = { ok: true, at: Date.now() }
  requestRegistration = vi.fn<() => void>()
  onboarding = makeOnboarding(client)
})

afterEach(async () => {
  await graph.close()
  await new Promise((resolve) => echo.close(resolve))
})

function find(report: SetupReport, id: SetupCheckId) {
  const found = report.checks.find((item) => item.id === id)
  if (!found) throw new Error(`no check ${id}`)
  return found
}

function states(report: SetupReport): Record<string, string> {
  return Object.fromEntries(report.checks.map((item) => [item.id, item.state]))
}

describe('the setup checks', () => {
  it('pass one by one, in order, for a good setup', async () => {
    const report = await onboarding.runChecks()

    expect(report.checks.map((item) => item.id)).toEqual([
      'app',
      'token',
      'token-page',
      'token-expiry',
      'permissions',
      'app-mode',
      'page-subscription',
      'ring-target',
      'audio',
      'tunnel',
      'webhook',
      'handshake'
    ])
    expect(report.checks.filter((item) => item.state !== 'passed').map((item) => item.id)).toEqual([
      'app-mode'
    ])
    expect(report.ready).toBe(true)
    expect(find(report, 'token-page').detail).toContain('"Corner Bakery"')
    expect(find(report, 'webhook').detail).toContain(callbackUrl)
  })

  it('fail the app check for a wrong app secret, and skip what needs the app', async () => {
    creds = { ...creds, appSecret: 'ffffffffffffffffffffffffffffffff' }
    const report = await onboarding.runChecks()

    expect(find(report, 'app')).toMatchObject({ state: 'failed' })
    expect(find(report, 'app').detail).toContain('did not accept this app id and app secret')
    // Meta refuses every Page request signed with the wrong secret: skipped, not piled on.
    for (const id of ['token', 'token-page', 'permissions', 'audio'] as const) {
      expect(find(report, id).state).toBe('skipped')
      expect(find(report, id).detail).toContain('app id and app secret are accepted')
    }
    expect(report.ready).toBe(false)
  })

  it('run the Page checks that need no app token when Meta did not answer the app check', async () => {
    graph.failNext({ path: `/${APP_ID}`, method: 'GET' }, { code: 2, message: 'Unavailable' })
    const report = await onboarding.runChecks()

    expect(find(report, 'app')).toMatchObject({
      state: 'failed',
      detail: 'Facebook is having trouble right now; try again in a few minutes.'
    })
    // debug_token is read with the app token: its checks wait, and say why.
    for (const id of ['token', 'token-expiry', 'permissions'] as const)
      expect(find(report, id)).toMatchObject({ state: 'skipped' })
    // Whose token, the subscription and the call settings are read with the Page token alone.
    for (const id of ['token-page', 'page-subscription', 'ring-target', 'audio'] as const)
      expect(find(report, id).state).toBe('passed')
    expect(find(report, 'token-page').detail).toContain('"Corner Bakery"')
  })

  it('still find a Page problem while the app check fails', async () => {
    graph.failNext({ path: `/${APP_ID}`, method: 'GET' }, { code: 2, message: 'Unavailable' })
    graph.setPageSubscribedFields([])
    const report = await onboarding.runChecks()
    expect(find(report, 'page-subscription')).toMatchObject({
      state: 'failed',
      fix: { action: 'subscribe-page' }
    })
  })

  it('say an expired Page token expired, and how to get a new one', async () => {
    graph.expireToken()
    const report = await onboarding.runChecks()

    expect(find(report, 'token').state).toBe('failed')
    expect(find(report, 'token').detail).toMatch(/^This Page access token expired on \d{4}-/)
    expect(find(report, 'token').detail).toContain('Graph API Explorer')
    expect(find(report, 'page-subscription').state).toBe('skipped')
  })

  it('say a token Meta does not know is not valid', async () => {
    creds = { ...creds, pageAccessToken: 'EAAThisTokenWasRevokedLongAgo0123456789' }
    const report = await onboarding.runChecks()

    expect(find(report, 'token').detail).toContain('Meta says this Page access token is not valid')
    expect(states(report)).toMatchObject({ app: 'passed', 'token-page': 'skipped' })
  })

  it('name the Page a token belongs to when the Page id is another', async () => {
    creds = { ...creds, pageId: '222222222222222' }
    const report = await onboarding.runChecks()

    expect(find(report, 'token').state).toBe('passed')
    expect(find(report, 'token-page')).toMatchObject({ state: 'failed' })
    expect(find(report, 'token-page').detail).toBe(
      `This token belongs to the Page "Corner Bakery" (${PAGE_ID}), not to Page 222222222222222. Enter ${PAGE_ID} as the Page id, or make a token for Page 222222222222222.`
    )
    expect(find(report, 'page-subscription').detail).toBe(
      'Skipped until the token is for this Page.'
    )
    expect(find(report, 'permissions').state).toBe('skipped')
    // The same sentences as words, for each window to say in its own language.
    expect(find(report, 'token-page').words).toEqual({
      key: 'setup.tokenOtherPageNamed',
      params: { name: 'Corner Bakery', ownerId: PAGE_ID, pageId: '222222222222222' }
    })
    expect(find(report, 'page-subscription').words).toEqual({ key: 'setup.skipTokenOtherPage' })
  })

  it('give every check its detail as words whose English is the detail', async () => {
    const reports = [await onboarding.runChecks()]
    creds = { ...creds, appSecret: 'ffffffffffffffffffffffffffffffff' }
    reports.push(await onboarding.runChecks())
    for (const item of reports.flatMap((report) => report.checks)) {
      expect(item.words, item.id).toBeDefined()
      expect(englishWords(item.words!), item.id).toBe(item.detail)
    }
  })

  it('name a missing permission, and a fix that needs it fails with a sentence', async () => {
    graph.setTokenScopes(['pages_messaging', 'pages_show_list'])
    graph.setPageSubscribedFields([])
    const report = await onboarding.runChecks()

    expect(find(report, 'permissions').state).toBe('failed')
    expect(find(report, 'permissions').detail).toContain('lacks pages_manage_metadata')
    await expect(onboarding.fix('subscribe-page')).rejects.toThrow(/pages_manage_metadata/)
  })

  it('warn about a token that expires within a week, and pass a longer one', async () => {
    graph.setTokenExpiry(Math.floor(Date.now() / 1000) + 3 * DAY_S + 600)
    const soon = await onboarding.runChecks()
    expect(find(soon, 'token-expiry')).toMatchObject({ state: 'warning' })
    expect(find(soon, 'token-expiry').detail).toContain('expires in 3 days')
    expect(soon.ready).toBe(true)

    graph.setTokenExpiry(Math.floor(Date.now() / 1000) + 40 * DAY_S)
    const later = await onboarding.runChecks()
    expect(find(later, 'token-expiry').state).toBe('passed')
    expect(find(later, 'token-expiry').detail).toMatch(
      /^The token is valid until \d{4}-\d\d-\d\d\.$/
    )
  })

  it('say neutrally that the app mode cannot be told, and where to look, whatever the mode', async () => {
    for (const mode of ['development', 'live'] as const) {
      graph.setAppMode(mode)
      const report = await onboarding.runChecks()
      const appMode = find(report, 'app-mode')
      expect(appMode.state).toBe('unknown')
      expect(appMode.detail).toContain('App Mode switch')
      expect(appMode.detail).toContain("app's dashboard on developers.facebook.com")
      expect(report.ready).toBe(true)
    }
    // No undocumented field is asked for.
    expect(
      graph.requests.some((request) => JSON.stringify(request.query).includes('development_mode'))
    ).toBe(false)
  })

  it('offer to subscribe an unsubscribed Page, keeping the fields it had', async () => {
    graph.setPageSubscribedFields([])
    const before = await onboarding.runChecks()
    expect(find(before, 'page-subscription')).toMatchObject({
      state: 'failed',
      fix: { action: 'subscribe-page', label: 'Subscribe the Page' }
    })

    graph.setPageSubscribedFields(['feed'])
    const partly = await onboarding.runChecks()
    expect(find(partly, 'page-subscription').detail).toContain('but not to calls (only feed)')

    const after = await onboarding.fix('subscribe-page')
    expect(find(after, 'page-subscription').state).toBe('passed')
    expect(graph.pageSubscribedFields).toEqual(expect.arrayContaining(['calls', 'feed']))
  })

  it('offer to route calls here and turn voice calls on, and both fixes work', async () => {
    graph.updateCallSettings({ call_routing: { ring_target: 'META' }, audio_enabled: false })
    const before = await onboarding.runChecks()
    expect(find(before, 'ring-target')).toMatchObject({
      state: 'failed',
      fix: { action: 'set-ring-target' }
    })
    expect(find(before, 'ring-target').detail).toContain('call routing is META')
    expect(find(before, 'audio')).toMatchObject({
      state: 'failed',
      fix: { action: 'enable-audio' }
    })

    await onboarding.fix('set-ring-target')
    const after = await onboarding.fix('enable-audio')
    expect(states(after)).toMatchObject({ 'ring-target': 'passed', audio: 'passed' })
    expect(graph.callSettings).toMatchObject({
      call_routing: { ring_target: 'PARTNERS' },
      audio_enabled: true
    })
    expect(after.ready).toBe(true)
  })

  it("turn a Graph error into that check's sentence and skip what depends on it", async () => {
    graph.failNext(
      { path: '/messenger_call_settings', method: 'GET' },
      { code: 2, status: 503, message: 'Service temporarily unavailable' }
    )
    const report = await onboarding.runChecks()
    expect(find(report, 'ring-target')).toMatchObject({
      state: 'failed',
      detail: 'Facebook is having trouble right now; try again in a few minutes.'
    })
    expect(find(report, 'audio').detail).toBe(
      "Skipped: the Page's call settings could not be read."
    )
  })

  it('fail the tunnel check when nothing is reachable, and skip the webhook checks', async () => {
    status = {
      ...status,
      publicUrl: null,
      tunnel: { state: 'off' },
      registration: { state: 'not-needed', reason: 'no-public-url' }
    }
    const report = await onboarding.runChecks()
    expect(find(report, 'tunnel').detail).toContain('turn on the tunnel or enter your own public')
    expect(states(report)).toMatchObject({ webhook: 'skipped', handshake: 'skipped' })
  })

  it('fail the webhook check with who receives the calls when another desk owns it, offering no fix', async () => {
    status = {
      ...status,
      registration: { state: 'not-needed', reason: 'owned-elsewhere' },
      webhookOwner: {
        state: 'foreign',
        url: 'https://dev.example/hook',
        checkedAt: Date.now()
      }
    }
    const report = await onboarding.runChecks()
    expect(find(report, 'webhook')).toMatchObject({
      state: 'failed',
      detail: expect.stringMatching(/go to https:\/\/dev\.example\/hook, which is not this app\.$/)
    })
    expect(find(report, 'webhook')).not.toHaveProperty('fix')
    expect(states(report)).toMatchObject({ handshake: 'skipped' })
  })

  it('fail the tunnel check with its warning when the address is http', async () => {
    const warning = 'The tunnel gave an http address, but Facebook only calls https addresses.'
    status = { ...status, tunnel: { state: 'up', url: 'http://desk.example', warning } }
    const report = await onboarding.runChecks()
    expect(find(report, 'tunnel')).toMatchObject({ state: 'failed', detail: warning })
  })

  it('fail the webhook check when Meta delivers elsewhere, and the fix registers again', async () => {
    status = { ...status, registration: registered(true, `${callbackUrl}-old`) }
    const report = await onboarding.runChecks()
    expect(find(report, 'webhook')).toMatchObject({
      state: 'failed',
      fix: { action: 'register-webhook' }
    })
    expect(find(report, 'webhook').detail).toContain(
      `Meta sends this app's calls to ${callbackUrl},`
    )

    await onboarding.fix('register-webhook')
    expect(requestRegistration).toHaveBeenCalledOnce()
  })

  it('fail the handshake check when Meta accepted the URL but its check never arrived', async () => {
    status = { ...status, registration: registered(false) }
    lastVerification = undefined
    const report = await onboarding.runChecks()
    expect(find(report, 'handshake').detail).toContain('never arrived here')

    lastVerification = { ok: false, at: Date.now(), reason: 'token' }
    const wrongToken = await onboarding.runChecks()
    expect(find(wrongToken, 'handshake').detail).toContain('with another verify token')
  })

  it('wait for a registration in flight instead of reporting it half done', async () => {
    const done = registered()
    status = {
      ...status,
      registration: { state: 'registering', callbackUrl, attempt: 1 }
    }
    setTimeout(() => (status = { ...status, registration: done }), 150)
    const report = await onboarding.runChecks()
    expect(find(report, 'webhook').state).toBe('passed')
    expect(find(report, 'handshake').state).toBe('passed')
  })

  it('ask for the credentials when none are entered', async () => {
    creds = {
      ...creds,
      pageId: undefined,
      pageAccessToken: undefined,
      appId: undefined,
      appSecret: undefined
    }
    const report = await onboarding.runChecks()
    expect(find(report, 'app').detail).toBe(
      'Enter the app id and the app secret above, then check again.'
    )
    // Each missing value is asked for by its own check, not hidden behind the app's.
    expect(find(report, 'token')).toMatchObject({
      state: 'failed',
      detail: 'Enter the Page id and the Page access token above, then check again.'
    })
    expect(find(report, 'page-subscription').state).toBe('skipped')
  })
})
