/**
 * The join form's refusals of a paste that is no invitation travel as words, so a Spanish desk
 * reads them in Spanish; their English is the sentence the form showed before.
 */
import { describe, expect, it } from 'vitest'
import { checkJoin } from '../../../../src/main/core/desk/join-checks'
import type { SoftphoneCore } from '../../../../src/main/core/softphone-core'
import { ServiceError } from '../../../../src/shared/service-error'
import es from '../../../../src/shared/i18n/es/errors-config'

const core = {
  registry: { list: () => [] },
  credentials: () => ({}),
  seats: undefined
} as unknown as Pick<SoftphoneCore, 'registry' | 'credentials' | 'seats'>

function refusalOf(invitation: string): ServiceError {
  try {
    checkJoin(core, { invitation, forgetPage: false })
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError)
    return error as ServiceError
  }
  throw new Error('the invitation was taken')
}

describe('joining with a paste that is no invitation', () => {
  it.each([
    ['https://hub.example#nonsense', 'notCode', 'This is not a pairing code: copy the whole'],
    [
      `hub.example#msp1.0123456789ab.${'s'.repeat(22)}.${'f'.repeat(43)}`,
      'addressNotWeb',
      'The address before the pairing code is not a web address.'
    ],
    [
      `ftp://hub.example#msp1.0123456789ab.${'s'.repeat(22)}.${'f'.repeat(43)}`,
      'addressNotHttps',
      'The address before the pairing code must start with https://.'
    ]
  ] as const)('%s is refused in words (%s)', (invitation, key, english) => {
    const refusal = refusalOf(invitation)
    expect(refusal).toMatchObject({
      code: 'invalid-request',
      words: { key: `config.invitation.${key}` }
    })
    expect(refusal.message).toContain(english)
    expect(es.invitation[key]).toMatch(/código de emparejamiento/)
  })
})
