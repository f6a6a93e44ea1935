/**
 * Which settings the environment fixes for this run. An environment variable keeps winning over
 * what the Settings section saves (headless runs and tests rely on that), so the UI says which
 * ones, instead of showing a saved value that does not apply.
 */
import type { PinnedSetting } from '../../../shared/api'
import type { Env } from '../config'

const PINS: { setting: string; label: string; variables: string[] }[] = [
  {
    setting: 'page',
    label: 'Facebook Page and app',
    variables: ['FB_PAGE_ID', 'FB_PAGE_ACCESS_TOKEN', 'FB_APP_ID', 'FB_APP_SECRET']
  },
  { setting: 'ringTimeoutSeconds', label: 'Ring for', variables: ['SOFTPHONE_RING_TIMEOUT_S'] },
  {
    setting: 'tunnel',
    label: 'Public address',
    variables: ['TUNNEL', 'TUNNEL_HOST', 'TUNNEL_SUBDOMAIN', 'PUBLIC_URL']
  },
  { setting: 'graph', label: 'Graph API', variables: ['GRAPH_API_URL', 'GRAPH_API_VERSION'] },
  { setting: 'webhook', label: 'Webhook listener', variables: ['WEBHOOK_PORT', 'WEBHOOK_PATH'] }
]

export function pinnedSettings(env: Env): PinnedSetting[] {
  return PINS.flatMap(({ setting, label, variables }) => {
    // Empty counts as unset, as everywhere else the environment is read.
    const set = variables.filter((name) => (env[name] ?? '').trim() !== '')
    return set.length > 0 ? [{ setting, label, variables: set }] : []
  })
}
