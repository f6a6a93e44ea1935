/**
 * Onboarding saves the Page and app while the tunnel runs: the webhook is registered as soon as
 * credentials arrive (and registered again whenever asked), with no restart of the tunnel.
 */
import { describe, expect, it } from 'vitest'
import type { RegistrationStatus } from '../../../../src/shared/tunnel'
import { defaultSettings, resolveConfig, type Credentials } from '../../../../src/main/core/config'
import type { AppWebhookSubscription } from '../../../../src/main/core/graph'
import { memoryLogger } from '../../../../src/main/core/log'
import { startTunnel, type TunnelHost } from '../../../../src/main/core/tunnel/start-tunnel'
import type { VerificationInfo } from '../../../../src/main/core/webhook/server'

const PUBLIC_URL = 'https://calls.example.com'
const FULL: Credentials = {
  pageId: '106378625516323',
  pageAccessToken: 'EAAStartTunnelCredentials0123456789',
  appId: '987654321012345',
  appSecret: 'c0ffee00c0ffee00c0ffee00c0ffee00',
  verifyToken: 'verify-me'
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

describe('startTunnel with credentials that change', () => {
  it('registers once the Page is saved, and again when asked', async () => {
    let credentials: Credentials = { ...FULL, pageId: undefined, pageAccessToken: undefined }
    const listeners = new Set<() => void>()
    const subscriptions: AppWebhookSubscription[] = []
    const registration: RegistrationStatus[] = []
    let verification: VerificationInfo | undefined
    const core: TunnelHost = {
      graph: {
        subscribeAppWebhook: async (subscription) => {
          subscriptions.push(subscription)
          verification = { ok: true, at: Date.now() }
        }
      },
      get lastVerification() {
        return verification
      },
      status: () => ({ webhookUrl: 'http://127.0.0.1:47800/webhook' }),
      setPublicUrl: () => undefined,
      setTunnelStatus: () => undefined,
      setRegistrationStatus: (status) => void registration.push(status),
      credentials: () => credentials,
      onRegistrationNeeded: (listener) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      }
    }
    // Started as a fresh install: no Page in the configuration at all.
    const config = resolveConfig({
      settings: defaultSettings(),
      secrets: {},
      env: { PUBLIC_URL, FB_VERIFY_TOKEN: 'verify-me' }
    })
    const runtime = startTunnel(core, config, memoryLogger())
    await settle()
    expect(subscriptions).toEqual([])
    expect(registration.at(-1)).toEqual({ state: 'not-needed', reason: 'not-configured' })

    credentials = FULL
    for (const listener of listeners) listener()
    await settle()
    expect(subscriptions.map((sub) => sub.callbackUrl)).toEqual([`${PUBLIC_URL}/webhook`])
    expect(registration.at(-1)).toMatchObject({ state: 'registered', handshakeConfirmed: true })

    for (const listener of listeners) listener()
    await settle()
    expect(subscriptions).toHaveLength(2)

    runtime.stop()
    expect(listeners.size).toBe(0)
  })
})
