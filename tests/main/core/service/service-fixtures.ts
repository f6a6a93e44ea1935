/** The real SoftphoneService with quiet ports, for tests that exercise one port or a transport. */
import { defaultSettings } from '../../../../src/shared/settings'
import type { CallRegistry } from '../../../../src/main/core/calls'
import { memoryLogger } from '../../../../src/main/core/log'
import type { HistoryPort } from '../../../../src/main/core/service/ports'
import type { SoftphoneServiceDeps } from '../../../../src/main/core/service/softphone-service'

/** A history that keeps nothing. */
export const emptyHistory: HistoryPort = {
  append: async () => undefined,
  list: async () => [],
  setQuality: async () => undefined,
  markMissedSeen: async () => undefined,
  unseenMissedCount: () => 0
}

/**
 * Graph accepts every call, the history keeps nothing, the settings are the defaults and the Page is
 * configured; `overrides` replaces any of these.
 */
export function quietServiceDeps(
  registry: CallRegistry,
  overrides: Partial<SoftphoneServiceDeps> = {}
): SoftphoneServiceDeps {
  return {
    registry,
    callControl: () => ({
      accept: async () => ({ answer: 'v=0 answer' }),
      reject: async () => undefined,
      terminate: async () => undefined
    }),
    history: emptyHistory,
    settings: {
      get: () => defaultSettings(),
      update: async () => defaultSettings(),
      onChange: () => () => undefined
    },
    status: () => ({
      page: { configured: true, pageId: 'page-1' },
      webhookUrl: null,
      publicUrl: null,
      tunnel: { state: 'off' },
      registration: { state: 'not-needed', reason: 'no-public-url' }
    }),
    logger: memoryLogger(),
    ...overrides
  }
}
