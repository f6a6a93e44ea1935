/**
 * The recipe the Chromium e2e test follows, through the real UI bridge: two in-process rigs of the
 * same app (the second joins the first's simulator), each registering its own loopback address.
 * The second desk's UI hears who receives the calls, and takes them over with the command.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { WebhookOwner } from '../../../../src/shared/webhook-owner'
import { startInProcessRig, type InProcessRig } from '../../../../src/main/simulator/rig/in-process'

const rigs: InProcessRig[] = []

afterEach(async () => {
  // The joining desk first: the first one owns the simulator.
  for (const rig of rigs.splice(0).reverse()) await rig.close()
})

async function owner(rig: InProcessRig): Promise<WebhookOwner | undefined> {
  return (await rig.client.api.getStatus({})).webhookOwner
}

describe('two desks of one app, as the e2e test drives them', () => {
  it('the second desk’s UI names the first, then takes the calls over', async () => {
    const front = await startInProcessRig({
      ownUrl: true,
      deskName: 'Front desk',
      webhookRecheckMs: 200
    })
    rigs.push(front)
    await expect.poll(async () => (await owner(front))?.state, { timeout: 8000 }).toBe('this-desk')

    const back = await startInProcessRig({ ownUrl: true, deskName: 'Back office', joinApp: front })
    rigs.push(back)
    const heard: WebhookOwner[] = []
    back.client.on('status', (status) => {
      if (status.webhookOwner) heard.push(status.webhookOwner)
    })
    await expect.poll(async () => (await owner(back))?.state, { timeout: 8000 }).toBe('other-desk')
    expect(await owner(back)).toMatchObject({
      url: front.webhookUrl,
      desk: { deskName: 'Front desk', pageIds: [front.credentials.pageId] },
      servesOtherPage: false
    })

    const { owner: taken } = await back.client.api.takeOverWebhook({})
    expect(taken).toMatchObject({ state: 'this-desk', url: back.webhookUrl })
    expect(heard.map((seen) => seen.state)).toContain('this-desk')
    expect(back.sim.graph.subscriptions.find((sub) => sub.object === 'page')?.callback_url).toBe(
      back.webhookUrl
    )
    // The first desk's UI hears it within one re-check.
    await expect
      .poll(async () => owner(front), { timeout: 3000 })
      .toMatchObject({
        state: 'other-desk',
        url: back.webhookUrl,
        desk: { deskName: 'Back office' },
        tookItFromUs: true
      })
  })
})
