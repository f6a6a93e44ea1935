/**
 * The checks this computer answers: is there a public URL (tunnel or own URL), did Meta accept it
 * as the app's callback (and still hold it: another installation may have registered since), and
 * did Meta's verification request really arrive here through it.
 */
import type { CoreStatus } from '../../../shared/api'
import type { AppSubscriptions } from '../../../shared/graph'
import type { SetupCheck } from '../../../shared/onboarding'
import { registrationLine } from '../../../shared/tunnel'
import { webhookOwnerWordsOf } from '../../../shared/webhook-owner'
import type { VerificationInfo } from '../webhook/server'
import { words, type Words } from '../../../shared/words'
import { check, errorWords, fix, skipped, type Settled } from './check'

const REGISTER = fix('register-webhook', 'registerAgain')

function tunnelCheck(status: CoreStatus): SetupCheck {
  const { tunnel } = status
  switch (tunnel.state) {
    case 'up':
      if (tunnel.warning) return check('tunnel', 'failed', tunnel.warningWords ?? tunnel.warning)
      return check('tunnel', 'passed', words('setup.reachableAt', { url: tunnel.url }))
    case 'off':
      return check('tunnel', 'failed', words('setup.unreachable'))
    case 'connecting':
      return check('tunnel', 'warning', words('setup.tunnelOpening'))
    case 'reconnecting':
      return check(
        'tunnel',
        'failed',
        words('setup.tunnelDown', {
          error: tunnel.lastError,
          seconds: Math.ceil(tunnel.retryInMs / 1000)
        })
      )
    case 'error':
      return check('tunnel', 'failed', tunnel.words ?? tunnel.message)
  }
}

function subscriptionMismatch(
  callbackUrl: string,
  subscriptions: Settled<AppSubscriptions> | undefined
): SetupCheck | undefined {
  if (!subscriptions) return undefined
  if (!subscriptions.ok) return check('webhook', 'failed', errorWords(subscriptions.error))
  const page = subscriptions.value.data.find((sub) => sub.object === 'page')
  if (!page || page.callback_url !== callbackUrl)
    return check(
      'webhook',
      'failed',
      page?.callback_url
        ? words('setup.webhookElsewhere', { url: page.callback_url, callbackUrl })
        : words('setup.webhookNowhere', { callbackUrl }),
      REGISTER
    )
  const fields = page.fields.map((field) => (typeof field === 'string' ? field : field.name))
  if (!fields.includes('calls'))
    return check('webhook', 'failed', words('setup.webhookWithoutCalls'), REGISTER)
  return undefined
}

function webhookCheck(
  status: CoreStatus,
  subscriptions: Settled<AppSubscriptions> | undefined,
  appBlocked: Words | undefined
): SetupCheck {
  const { registration } = status
  switch (registration.state) {
    case 'not-needed':
      if (registration.reason === 'no-public-url')
        return skipped('webhook', words('setup.skipUnreachable'))
      // Taking the calls over is the owner's explicit choice (the take-over button), not a fix.
      if (registration.reason === 'owned-elsewhere')
        return check(
          'webhook',
          'failed',
          webhookOwnerWordsOf(status) ?? registrationLine(registration)
        )
      return appBlocked
        ? skipped('webhook', appBlocked)
        : check(
            'webhook',
            'failed',
            words('setup.webhookNotRegistered'),
            fix('register-webhook', 'registerNow')
          )
    case 'registering':
      return check('webhook', 'warning', words('setup.webhookRegistering'))
    case 'failed':
      return check('webhook', 'failed', registration.message, fix('register-webhook', 'tryAgain'))
    case 'registered':
      return (
        subscriptionMismatch(registration.callbackUrl, subscriptions) ??
        check('webhook', 'passed', words('setup.webhookPassed', { url: registration.callbackUrl }))
      )
  }
}

function handshakeCheck(
  status: CoreStatus,
  lastVerification: VerificationInfo | undefined
): SetupCheck {
  const { registration } = status
  if (registration.state !== 'registered')
    return skipped('handshake', words('setup.skipNotRegistered'))
  if (registration.handshakeConfirmed) {
    const time = new Date(lastVerification?.at ?? registration.at).toISOString().slice(11, 16)
    return check(
      'handshake',
      'passed',
      status.publicUrl
        ? words('setup.handshakeThrough', { url: status.publicUrl, time })
        : words('setup.handshakePassed', { time })
    )
  }
  if (lastVerification && !lastVerification.ok && lastVerification.reason === 'token')
    return check('handshake', 'failed', words('setup.handshakeOtherToken'), REGISTER)
  return check('handshake', 'failed', words('setup.handshakeNever'), REGISTER)
}

export function linkChecks(
  status: CoreStatus,
  lastVerification: VerificationInfo | undefined,
  subscriptions: Settled<AppSubscriptions> | undefined,
  appBlocked: Words | undefined
): SetupCheck[] {
  return [
    tunnelCheck(status),
    webhookCheck(status, appBlocked ? undefined : subscriptions, appBlocked),
    handshakeCheck(status, lastVerification)
  ]
}
