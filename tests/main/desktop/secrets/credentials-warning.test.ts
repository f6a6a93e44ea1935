/**
 * Credentials saved where secrets cannot be kept (no keyring): they apply for this session, and
 * the warning that says so travels as words beside its English, for the desk's language.
 */
import { describe, expect, it } from 'vitest'
import {
  defaultSettings,
  type Credentials,
  type SecretStore
} from '../../../../src/main/core/config'
import { silentLogger } from '../../../../src/main/core/log'
import { saveCredentials } from '../../../../src/main/core/onboarding/credentials'
import {
  NO_LINUX_KEYRING,
  SecretsNotSavedError
} from '../../../../src/main/desktop/secrets/safe-storage-store'
import { englishWords } from '../../../../src/shared/words-english'

const REQUEST = {
  pageId: '106378625516323',
  appId: '987654321012345',
  pageAccessToken: `EAA${'x'.repeat(120)}`,
  appSecret: 'a1b2c3d4e5f60718293a4b5c6d7e8f90'
}

describe('saving credentials without a keyring', () => {
  it('applies them and warns in words', async () => {
    let current: Credentials = {
      pageId: undefined,
      pageAccessToken: undefined,
      appId: undefined,
      appSecret: undefined,
      verifyToken: 'v'
    }
    const secrets: SecretStore = {
      get: async () => ({}),
      set: async () => {
        throw new SecretsNotSavedError(NO_LINUX_KEYRING)
      }
    }
    const result = await saveCredentials(
      {
        current: () => current,
        apply: (next) => {
          current = next
        },
        secrets,
        settings: { update: async () => defaultSettings() },
        logger: silentLogger
      },
      REQUEST
    )
    expect(current.pageAccessToken).toBe(REQUEST.pageAccessToken)
    expect(result).toMatchObject({
      warning: englishWords(NO_LINUX_KEYRING),
      warningWords: { key: 'config.secrets.noLinuxKeyring' }
    })
  })
})
