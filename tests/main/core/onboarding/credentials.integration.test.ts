/**
 * Saving the Page and app at runtime, over the real bridge of a fresh install (the simulator as
 * Meta): the credentials apply without a restart (webhooks signed with the new secret ring, the
 * old secret is refused, Graph requests carry the new token), the secrets land in the 0600
 * secrets file and never in settings.json or a reply, and removing the Page undoes all of it.
 */
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CoreStatus } from '../../../../src/shared/api'
import { startInProcessRig, type InProcessRig } from '../../../../src/main/simulator/rig/in-process'
import { createWebhookSender, newCallId } from '../../../../src/main/simulator/platform'

let rig: InProcessRig
let statuses: CoreStatus[]

beforeEach(async () => {
  rig = await startInProcessRig({ withoutPage: true })
  statuses = []
  rig.client.on('status', (status) => statuses.push(status))
})

afterEach(async () => {
  await rig?.close()
})

/** A connect webhook for a fresh call, signed with `secret`; resolves with the HTTP status. */
async function deliverSignedWith(secret: string): Promise<number> {
  const { pageId } = rig.credentials
  const sender = createWebhookSender({ url: rig.webhookUrl, appSecret: secret, pageId })
  const payload = sender.connectDelivery({
    callId: newCallId(),
    from: '5275811702471834',
    to: pageId
  })
  const [status] = await sender.deliver(payload)
  return status ?? 0
}

async function checkState(id: string): Promise<string | undefined> {
  const report = await rig.client.api.runSetupChecks({})
  return report.checks.find((item) => item.id === id)?.state
}

describe('saving the Page and app', () => {
  it('applies them at once, and keeps the secrets out of replies and settings.json', async () => {
    const { pageId, appId, pageAccessToken, appSecret } = rig.credentials
    expect(await deliverSignedWith(appSecret)).toBe(401)

    const result = await rig.client.api.saveCredentials({
      pageId: ` ${pageId} `,
      appId,
      pageAccessToken: `${pageAccessToken.slice(0, 20)}\n${pageAccessToken.slice(20)}`,
      appSecret
    })

    expect(result).toEqual({
      connection: { configured: true, pageId, appId, hasToken: true, hasAppSecret: true }
    })
    await expect.poll(() => statuses.at(-1)?.page).toEqual({ configured: true, pageId })
    // The simulator signs with the app secret just saved: the call rings.
    const callId = await rig.sim.placeCall()
    await expect.poll(() => rig.core.registry.get(callId)?.state).toBe('ringing')

    const secretsFile = join(rig.dataDir, 'secrets.json')
    expect((await stat(secretsFile)).mode & 0o777).toBe(0o600)
    expect(JSON.parse(await readFile(secretsFile, 'utf8'))).toMatchObject({
      pageAccessToken,
      appSecret
    })
    const settingsText = await readFile(join(rig.dataDir, 'settings.json'), 'utf8')
    expect(JSON.parse(settingsText)).toMatchObject({ page: { pageId, appId } })
    expect(settingsText).not.toContain(pageAccessToken)
    expect(settingsText).not.toContain(appSecret)
    const connection = await rig.client.api.getPageConnection({})
    expect(JSON.stringify([result, connection, statuses])).not.toMatch(
      new RegExp(`${pageAccessToken}|${appSecret}`)
    )
  })

  it('uses a new token for Graph and a new secret for webhooks, without a restart', async () => {
    const { pageId, appId, pageAccessToken, appSecret } = rig.credentials
    await rig.client.api.saveCredentials({ pageId, appId, pageAccessToken, appSecret })
    expect(await checkState('token')).toBe('passed')

    // A token Meta does not know (yet): Graph refuses it, so the check fails...
    const newToken = `EAANewPageToken${'7'.repeat(40)}`
    await rig.client.api.saveCredentials({ pageId, appId, pageAccessToken: newToken })
    expect(await checkState('token')).toBe('failed')
    // ...until Meta issues it: the very same running core now passes, with the new token.
    rig.sim.graph.setPageAccessToken(newToken)
    expect(await checkState('token')).toBe('passed')

    const newSecret = 'c0ffee00c0ffee00c0ffee00c0ffee00'
    await rig.client.api.saveCredentials({ pageId, appId, appSecret: newSecret })
    expect(await deliverSignedWith(newSecret)).toBe(200)
    expect(await deliverSignedWith(appSecret)).toBe(401)
  })

  it('refuses values that cannot be right, with a sentence that names them', async () => {
    const { pageId, appId, pageAccessToken, appSecret } = rig.credentials
    const save = (request: Parameters<typeof rig.client.api.saveCredentials>[0]) =>
      rig.client.api.saveCredentials(request)

    await expect(save({ pageId: 'my-page', appId, pageAccessToken, appSecret })).rejects.toThrow(
      'The Page id is a number, like 106378625516323'
    )
    await expect(save({ pageId, appId, appSecret })).rejects.toThrow('Paste the Page access token.')
    await expect(save({ pageId, appId, pageAccessToken: 'EAA', appSecret })).rejects.toThrow(
      'does not look like a whole Page access token'
    )
    await save({ pageId, appId, pageAccessToken, appSecret })
    // The stored token is this Page's: another Page needs its own.
    await expect(save({ pageId: '111111111111111', appId })).rejects.toThrow(
      'Paste a Page access token for Page 111111111111111'
    )
    expect((await rig.client.api.getPageConnection({})).pageId).toBe(pageId)
  })

  it('removes the Page: secrets and ids gone, webhooks refused, back to a fresh install', async () => {
    const { pageId, appId, pageAccessToken, appSecret } = rig.credentials
    await rig.client.api.saveCredentials({ pageId, appId, pageAccessToken, appSecret })

    const connection = await rig.client.api.removePage({})

    expect(connection).toEqual({ configured: false, hasToken: false, hasAppSecret: false })
    await expect.poll(() => statuses.at(-1)?.page.configured).toBe(false)
    expect(await deliverSignedWith(appSecret)).toBe(401)
    const secrets = JSON.parse(await readFile(join(rig.dataDir, 'secrets.json'), 'utf8'))
    expect(secrets).not.toHaveProperty('pageAccessToken')
    expect(secrets).not.toHaveProperty('appSecret')
    const settings = JSON.parse(await readFile(join(rig.dataDir, 'settings.json'), 'utf8'))
    expect(settings.page).toBeUndefined()
    expect((await rig.client.api.getStatus({})).page).toEqual({ configured: false })
  })
})
