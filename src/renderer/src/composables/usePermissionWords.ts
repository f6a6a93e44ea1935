import { useI18n } from 'vue-i18n'
import {
  limitFor,
  remainingUses,
  type CallPermissionInfo,
  type CallPermissionStatus
} from '../../../shared/callback'
import { useRequestLimitWords } from './useRequestLimitWords'

type StatusKey = 'allowed' | 'notAllowed' | 'pending' | 'declined' | 'expired' | 'unknown'
const STATUS_KEYS: Record<CallPermissionStatus, StatusKey> = {
  has_permission: 'allowed',
  no_permission: 'notAllowed',
  pending: 'pending',
  rejected: 'declined',
  expired: 'expired',
  unknown: 'unknown'
}

/**
 * The call-back permission in the desk's language, from its data (status, expiry, Meta's limits
 * and yes/no), so a Spanish seat of an English hub reads Spanish: what the state means, why a
 * request cannot be sent, why the call cannot be placed.
 */
export function usePermissionWords() {
  const { t, locale } = useI18n()
  const limitWords = useRequestLimitWords()
  const key = (name: string) => `history.callBack.permission.${name}`

  function summary(info: CallPermissionInfo, name: string): string {
    const status = STATUS_KEYS[info.status]
    if (status === 'allowed' && info.expiresAt !== undefined) {
      const until = new Date(info.expiresAt).toLocaleDateString(locale.value, {
        day: 'numeric',
        month: 'long'
      })
      return t(key('allowedUntil'), { name, until })
    }
    return t(key(status), { name })
  }

  /** "1 of 2 requests left today." when asking is possible; why not when it is not. */
  function requestNote(info: CallPermissionInfo, name: string): string | undefined {
    if (info.status === 'has_permission') return undefined
    const limit = limitFor(info, 'request-permission')
    if (limit && (info.canRequest || remainingUses(limit) === 0)) return limitWords(limit)
    return info.canRequest ? undefined : t(key('cannotAskNow'), { name })
  }

  /** Why the call cannot be placed now; undefined when it can. */
  function callNote(info: CallPermissionInfo, name: string): string | undefined {
    if (info.canCall) return undefined
    if (info.status !== 'has_permission') return t(key('allowFirst'), { name })
    const limit = limitFor(info, 'start-call')
    if (limit?.resetsAt !== undefined && remainingUses(limit) === 0) {
      const time = new Date(limit.resetsAt).toLocaleString(locale.value, {
        day: 'numeric',
        month: 'short',
        hour: 'numeric',
        minute: '2-digit'
      })
      return t(key('callAgainAt'), { name, time })
    }
    return t(key('cannotCallNow'), { name })
  }

  return { summary, requestNote, callNote }
}
