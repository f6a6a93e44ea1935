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
import { englishWords, worded, wordedError } from '../../../shared/words-english'
import { words, type Words } from '../../../shared/words'

/** The refusals' English, for the tests that read them (the words are in the errors catalogue). */
export const CONFIRM_FORGET_SENTENCE = englishWords(words('desk.joinConfirmForget'))

/** Joining would leave this hub's own seats with no hub: they are removed first, on purpose. */
function hasSeatsWords(count: number): Words {
  return count === 1 ? words('desk.joinHasSeat') : words('desk.joinHasSeats', { count })
}

export const hasSeatsSentence = (count: number): string => englishWords(hasSeatsWords(count))

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
    throw wordedError('conflict', 'desk.joinCallLive')
  }
  const seats = core.seats?.list().length ?? 0
  if (seats > 0) throw worded('conflict', hasSeatsWords(seats))
  let hubUrl: string | undefined
  try {
    hubUrl = parseInvitation(request.invitation).hubUrl
  } catch (error) {
    if (error instanceof PairingCodeError) {
      throw error.words
        ? worded('invalid-request', error.words)
        : new ServiceError('invalid-request', `${error.message}.`)
    }
    throw error
  }
  if (!hubUrl) throw wordedError('invalid-request', 'desk.joinNoAddress')
  if (holdsPage(core) && !request.forgetPage) {
    throw wordedError('conflict', 'desk.joinConfirmForget')
  }
  return { hubUrl, invitation: request.invitation }
}

/** Any part of a Page kept here (its id, its token or the app secret) is one to forget. */
export function holdsPage(core: Pick<SoftphoneCore, 'credentials'>): boolean {
  const { pageId, pageAccessToken, appSecret, appId } = core.credentials()
  return Boolean(pageId || pageAccessToken || appSecret || appId)
}
