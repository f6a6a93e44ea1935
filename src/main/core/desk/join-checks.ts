/**
 * What joining a hub asks of this desk before anything is touched (issue 13, item 2): no live
 * call here, no desks of its own that would lose their hub, an invitation that reads as one (with the hub's address), and, when this desk holds
 * a Page, the person's confirmation that it forgets it. Each refusal is one sentence.
 */
import type { ParsedCommandRequest } from '../../../shared/api'
import { ServiceError } from '../../../shared/api'
import { parseInvitation } from '../seat-link/desk-invitation'
import { PairingCodeError } from '../seat-link/pairing-code'
import type { SoftphoneCore } from '../softphone-core'

export const CALL_LIVE_SENTENCE =
  'A call is still going on this desk: join the hub once it has ended.'
export const CONFIRM_FORGET_SENTENCE =
  'Confirm that this desk may forget its Page and stop its tunnel and webhook: a seat holds no Page.'
export const NO_ADDRESS_SENTENCE =
  "The invitation has no hub address: paste the hub's whole invitation, which starts with https://."

/** Joining would leave this hub's own seats with no hub: they are removed first, on purpose. */
export function hasSeatsSentence(count: number): string {
  const desks = count === 1 ? 'another desk' : `${count} other desks`
  return (
    `This desk is the hub of ${desks}: remove ${count === 1 ? 'it' : 'them'} in Settings > Desks ` +
    `first, or ${count === 1 ? 'it loses its' : 'they lose their'} hub.`
  )
}

/** The hub's address and the invitation to pair with, once every check passed. */
export interface CheckedJoin {
  hubUrl: string
  invitation: string
}

export function checkJoin(
  core: Pick<SoftphoneCore, 'registry' | 'credentials' | 'seats'>,
  request: ParsedCommandRequest<'joinHub'>
): CheckedJoin {
  if (core.registry.list().some((call) => call.state !== 'ended')) {
    throw new ServiceError('conflict', CALL_LIVE_SENTENCE)
  }
  const seats = core.seats?.list().length ?? 0
  if (seats > 0) throw new ServiceError('conflict', hasSeatsSentence(seats))
  let hubUrl: string | undefined
  try {
    hubUrl = parseInvitation(request.invitation).hubUrl
  } catch (error) {
    if (error instanceof PairingCodeError) {
      throw new ServiceError('invalid-request', `${error.message.replace(/\.$/, '')}.`)
    }
    throw error
  }
  if (!hubUrl) throw new ServiceError('invalid-request', NO_ADDRESS_SENTENCE)
  if (holdsPage(core) && !request.forgetPage) {
    throw new ServiceError('conflict', CONFIRM_FORGET_SENTENCE)
  }
  return { hubUrl, invitation: request.invitation }
}

/** Any part of a Page kept here (its id, its token or the app secret) is one to forget. */
export function holdsPage(core: Pick<SoftphoneCore, 'credentials'>): boolean {
  const { pageId, pageAccessToken, appSecret, appId } = core.credentials()
  return Boolean(pageId || pageAccessToken || appSecret || appId)
}
