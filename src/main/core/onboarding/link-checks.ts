/**
 * The checks this computer answers: is there a public URL (tunnel or own URL), did Meta accept it
 * as the app's callback (and still hold it: another installation may have registered since), and
 * did Meta's verification request really arrive here through it.
 */
import type { CoreStatus } from '../../../shared/api'
import type { AppSubscriptions } from '../../../shared/graph'
import type { SetupCheck } from '../../../shared/onboarding'
import { describeRegistration } from '../../../shared/tunnel'
import { describeWebhookOwnerOf } from '../../../shared/webhook-owner'
import type { VerificationInfo } from '../webhook/server'
import { check, errorSentence, skipped, type Settled } from './check'

const REGISTER = { action: 'register-webhook' as const, label: 'Register again' }

function tunnelCheck(status: CoreStatus): SetupCheck {
  const { tunnel } = status
  switch (tunnel.state) {
    case 'up':
      if (tunnel.warning) return check('tunnel', 'failed', tunnel.warning)
      return check('tunnel', 'passed', `Meta can reach this computer at ${tunnel.url}.`)
    case 'off':
      return check(
        'tunnel',
        'failed',
        'Nothing makes this computer reachable from the internet, so Meta cannot deliver calls. In Settings, turn on the tunnel or enter your own public address, then check again.'
      )
    case 'connecting':
      return check('tunnel', 'warning', 'The tunnel is opening; check again in a few seconds.')
    case 'reconnecting':
      return check(
        'tunnel',
        'failed',
        `The tunnel is down (${tunnel.lastError}); the app tries again in ${Math.ceil(tunnel.retryInMs / 1000)} s. Check the internet connection, or choose another tunnel server in Settings.`
      )
    case 'error':
      return check('tunnel', 'failed', tunnel.message)
  }
}

function subscriptionMismatch(
  callbackUrl: string,
  subscriptions: Settled<AppSubscriptions> | undefined
): SetupCheck | undefined {
  if (!subscriptions) return undefined
  if (!subscriptions.ok) return check('webhook', 'failed', errorSentence(subscriptions.error))
  const page = subscriptions.value.data.find((sub) => sub.object === 'page')
  if (!page || page.callback_url !== callbackUrl)
    return check(
      'webhook',
      'failed',
      `Meta sends this app's calls to ${page?.callback_url ?? 'no address at all'}, not to this computer (${callbackUrl}): another copy of the app may have registered after this one. Register this computer again.`,
      REGISTER
    )
  const fields = page.fields.map((field) => (typeof field === 'string' ? field : field.name))
  if (!fields.includes('calls'))
    return check(
      'webhook',
      'failed',
      'The webhook is registered without the calls field, so Meta sends no calls to it. Register it again.',
      REGISTER
    )
  return undefined
}

function webhookCheck(
  status: CoreStatus,
  subscriptions: Settled<AppSubscriptions> | undefined,
  appBlocked: string | undefined
): SetupCheck {
  const { registration } = status
  switch (registration.state) {
    case 'not-needed':
      if (registration.reason === 'no-public-url')
        return skipped('webhook', 'Skipped until this computer is reachable from the internet.')
      // Taking the calls over is the owner's explicit choice (the take-over button), not a fix.
      if (registration.reason === 'owned-elsewhere')
        return check(
          'webhook',
          'failed',
          describeWebhookOwnerOf(status) ?? describeRegistration(registration)
        )
      return appBlocked
        ? skipped('webhook', appBlocked)
        : check(
            'webhook',
            'failed',
            'The webhook is not registered yet: save the Page and app above, then register it.',
            { action: 'register-webhook', label: 'Register now' }
          )
    case 'registering':
      return check(
        'webhook',
        'warning',
        'Still registering the webhook with Meta; check again in a few seconds.'
      )
    case 'failed':
      return check('webhook', 'failed', registration.message, {
        action: 'register-webhook',
        label: 'Try again'
      })
    case 'registered':
      return (
        subscriptionMismatch(registration.callbackUrl, subscriptions) ??
        check('webhook', 'passed', `Meta sends calls to ${registration.callbackUrl}.`)
      )
  }
}

function handshakeCheck(
  status: CoreStatus,
  lastVerification: VerificationInfo | undefined
): SetupCheck {
  const { registration } = status
  if (registration.state !== 'registered')
    return skipped('handshake', 'Skipped until the webhook is registered.')
  if (registration.handshakeConfirmed) {
    const time = new Date(lastVerification?.at ?? registration.at).toISOString().slice(11, 16)
    return check(
      'handshake',
      'passed',
      `Meta's verification request reached this computer through ${status.publicUrl ?? 'the public address'} (at ${time} UTC).`
    )
  }
  if (lastVerification && !lastVerification.ok && lastVerification.reason === 'token')
    return check(
      'handshake',
      'failed',
      'A verification request arrived, but with another verify token: another copy of the app is answering for this address. Register this computer again.',
      REGISTER
    )
  return check(
    'handshake',
    'failed',
    'Meta accepted the address, but its verification request never arrived here, so calls would go elsewhere. Check that the tunnel or your own public address forwards to this computer, then register again.',
    REGISTER
  )
}

export function linkChecks(
  status: CoreStatus,
  lastVerification: VerificationInfo | undefined,
  subscriptions: Settled<AppSubscriptions> | undefined,
  appBlocked: string | undefined
): SetupCheck[] {
  return [
    tunnelCheck(status),
    webhookCheck(status, appBlocked ? undefined : subscriptions, appBlocked),
    handshakeCheck(status, lastVerification)
  ]
}
