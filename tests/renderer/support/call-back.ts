/** Call-back answers as the core gives them, with defaults a test overrides. */
import type { CallPermissionInfo } from '../../../src/shared/callback'

/** "Ada has not allowed calls yet; 2 of 2 requests left today." */
export function permissionInfo(overrides: Partial<CallPermissionInfo> = {}): CallPermissionInfo {
  return {
    psid: 'psid-h',
    status: 'no_permission',
    canRequest: true,
    canCall: false,
    limits: [{ action: 'request-permission', maxAllowed: 2, currentUsage: 0, period: 'PT24H' }],
    summary: 'Ada Lovelace has not allowed calls from your Page. Ask in Messenger first.',
    callBlocked: 'Ada Lovelace has to allow calls from your Page first.',
    ...overrides
  }
}

export const grantedInfo = (overrides: Partial<CallPermissionInfo> = {}): CallPermissionInfo =>
  permissionInfo({
    status: 'has_permission',
    canRequest: false,
    canCall: true,
    expiresAt: Date.UTC(2026, 3, 8),
    summary: 'Ada Lovelace allows calls from your Page until 8 April.',
    callBlocked: undefined,
    ...overrides
  })
