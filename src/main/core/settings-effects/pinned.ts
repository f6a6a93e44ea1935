/**
 * Which settings the environment fixes for this run. An environment variable keeps winning over
 * what the Settings section saves (headless runs and tests rely on that), so the UI says which
 * ones, instead of showing a saved value that does not apply.
 */
import type { PinnableSetting, PinnedSetting } from '../../../shared/api'
import type { Env } from '../config'

const PINS: Record<PinnableSetting, string[]> = {
  page: ['FB_PAGE_ID', 'FB_PAGE_ACCESS_TOKEN', 'FB_APP_ID', 'FB_APP_SECRET'],
  ringTimeoutSeconds: ['SOFTPHONE_RING_TIMEOUT_S'],
  tunnel: ['TUNNEL', 'TUNNEL_HOST', 'TUNNEL_SUBDOMAIN', 'PUBLIC_URL'],
  graph: ['GRAPH_API_URL', 'GRAPH_API_VERSION'],
  webhook: ['WEBHOOK_PORT', 'WEBHOOK_PATH']
}

export function pinnedSettings(env: Env): PinnedSetting[] {
  return Object.entries(PINS).flatMap(([setting, variables]) => {
    // Empty counts as unset, as everywhere else the environment is read.
    const set = variables.filter((name) => (env[name] ?? '').trim() !== '')
    return set.length > 0 ? [{ setting: setting as PinnableSetting, variables: set }] : []
  })
}
