/**
 * What a window words itself in Page setup: each check's title by its id, each fix's button by its
 * key, and the link checks' details as words (an http address's warning among them). The core's
 * English comes from the same catalogue texts.
 */
import { describe, expect, it } from 'vitest'
import type { CoreStatus } from '../../../../src/shared/api'
import {
  CHECK_TITLE_KEYS,
  SETUP_CHECK_IDS,
  type SetupCheck
} from '../../../../src/shared/onboarding'
import en from '../../../../src/shared/i18n/en/setup'
import es from '../../../../src/shared/i18n/es/setup'
import { CHECK_TITLES, check } from '../../../../src/main/core/onboarding/check'
import { linkChecks } from '../../../../src/main/core/onboarding/link-checks'

const URL = 'https://desk.example'

function status(partial: Partial<CoreStatus>): CoreStatus {
  return {
    page: { configured: true, pageId: '1' },
    webhookUrl: 'http://127.0.0.1:47800/webhook',
    publicUrl: URL,
    tunnel: { state: 'up', url: URL },
    registration: { state: 'not-needed', reason: 'not-configured' },
    ...partial
  }
}

const byId = (checks: SetupCheck[], id: SetupCheck['id']) => checks.find((c) => c.id === id)!

describe('the setup checks’ titles', () => {
  it('are the catalogue’s English, and Spanish names every check in its own words', () => {
    expect(check('tunnel', 'passed', 'ok').title).toBe('Reachable from the internet')
    for (const id of SETUP_CHECK_IDS) {
      const key = CHECK_TITLE_KEYS[id]
      expect(CHECK_TITLES[id], id).toBe(en.checkNames.titles[key])
      expect(es.checkNames.titles[key], id).not.toBe(en.checkNames.titles[key])
    }
  })
})

describe('registering the webhook again', () => {
  it('names its button now, after a failure, or again, each by a key Spanish words', () => {
    const now = linkChecks(status({}), undefined, undefined, undefined)
    const failed = linkChecks(
      status({
        registration: {
          state: 'failed',
          callbackUrl: `${URL}/webhook`,
          message: 'no',
          retryInMs: null
        }
      }),
      undefined,
      undefined,
      undefined
    )
    const unseen = linkChecks(
      status({
        registration: {
          state: 'registered',
          callbackUrl: `${URL}/webhook`,
          at: 1,
          handshakeConfirmed: false
        }
      }),
      undefined,
      undefined,
      undefined
    )
    const fixes = [byId(now, 'webhook'), byId(failed, 'webhook'), byId(unseen, 'handshake')].map(
      (item) => item.fix
    )
    expect(fixes).toEqual([
      { action: 'register-webhook', label: 'Register now', labelKey: 'registerNow' },
      { action: 'register-webhook', label: 'Try again', labelKey: 'tryAgain' },
      { action: 'register-webhook', label: 'Register again', labelKey: 'registerAgain' }
    ])
    expect(fixes.map((fix) => es.checkNames.fixes[fix!.labelKey!])).toEqual([
      'Registrar ahora',
      'Reintentar',
      'Volver a registrar'
    ])
  })
})

describe('the tunnel check on an http address', () => {
  it('fails with the warning’s words beside its English', () => {
    const warningWords = {
      key: 'tunnel.httpOwnUrl',
      params: { url: 'http://desk.example' }
    } as const
    const [tunnel] = linkChecks(
      status({
        tunnel: { state: 'up', url: 'http://desk.example', warning: 'Use https.', warningWords }
      }),
      undefined,
      undefined,
      undefined
    )
    expect(tunnel).toMatchObject({ state: 'failed', words: warningWords })
    expect(tunnel!.detail).toMatch(/^The public address http:\/\/desk\.example is http, /)
  })
})
