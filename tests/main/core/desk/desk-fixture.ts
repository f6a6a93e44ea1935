/**
 * A desk for the runtime's integration tests: a data folder holding a Page (its ids in
 * settings.json, its token and app secret in secrets.json) and, if asked, calls it took before,
 * started through the desk runtime with a webhook listener, a recording tunnel and a loopback UI
 * bridge; its window is a bridge client that records every status it hears.
 */
import { chmod, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CoreStatus } from '../../../../src/shared/api'
import type { BridgeClient } from '../../../../src/shared/bridge-client'
import type { HistoryRecord } from '../../../../src/shared/calls'
import { SECRETS_FILE } from '../../../../src/main/core/config/secrets'
import { SETTINGS_FILE } from '../../../../src/main/core/config/settings-store'
import { startDeskRuntime, type DeskRuntime } from '../../../../src/main/core/desk/desk-runtime'
import { HistoryStore } from '../../../../src/main/core/history'
import { silentLogger } from '../../../../src/main/core/log'
import type { LiveTunnel } from '../../../../src/main/core/settings-effects/live-tunnel'
import type { TunnelFactory } from '../../../../src/main/core/start-core'
import { connectBridge } from '../../../../src/main/simulator/rig/bridge-connection'

export const DESK_PAGE = { pageId: '222333444555666', appId: '777888999000111' }
export const DESK_SECRETS = {
  pageAccessToken: 'EAAdeskOwnPageToken0123',
  appSecret: 'desk-app-secret-0123'
}

/** A call this desk took while it held its own Page. */
export function pastRecord(n: number): HistoryRecord {
  return {
    callId: `past-${n}`,
    pageId: DESK_PAGE.pageId,
    direction: 'inbound',
    caller: { psid: `psid-${n}`, name: `Customer ${n}` },
    startedAt: 1_700_000_000_000 + n * 60_000,
    connectedAt: 1_700_000_000_000 + n * 60_000 + 2000,
    endedAt: 1_700_000_000_000 + n * 60_000 + 30_000,
    durationSeconds: 28,
    outcome: 'completed',
    reason: 'we-hung-up'
  }
}

/** A data folder as a desk with its own Page (and `past` calls in its history) leaves it. */
export async function deskFolder(past = 0): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'softphone-desk-'))
  await chmod(dir, 0o700)
  await writeFile(join(dir, SETTINGS_FILE), JSON.stringify({ page: DESK_PAGE }), { mode: 0o600 })
  await writeFile(join(dir, SECRETS_FILE), JSON.stringify(DESK_SECRETS), { mode: 0o600 })
  if (past > 0) {
    const history = await HistoryStore.open(dir, silentLogger)
    for (let n = 1; n <= past; n += 1) await history.upsert(pastRecord(n))
    await history.close()
  }
  return dir
}

/** A tunnel that says what was done to it. */
export function recordingTunnel(said: string[]): TunnelFactory {
  return (): LiveTunnel => ({
    start: () => said.push('tunnel started'),
    refresh: () => said.push('tunnel refreshed'),
    stop: () => said.push('tunnel stopped')
  })
}

export interface Desk {
  runtime: DeskRuntime
  /** The desk's window, over its loopback bridge. */
  window: BridgeClient
  statuses: CoreStatus[]
  tunnel: string[]
  close(): Promise<void>
}

export async function startDesk(dataDir: string): Promise<Desk> {
  const tunnel: string[] = []
  const runtime = await startDeskRuntime({
    hub: {
      env: { WEBHOOK_PORT: '0', GRAPH_API_URL: 'http://127.0.0.1:9' },
      dataDir,
      logger: silentLogger,
      tunnel: recordingTunnel(tunnel)
    },
    ui: { port: 0 },
    seat: { leaveTimeoutMs: 3000 }
  })
  const window = await connectBridge(runtime.ui!.info.url)
  const statuses: CoreStatus[] = []
  window.on('status', (status) => statuses.push(status))
  return {
    runtime,
    window,
    statuses,
    tunnel,
    async close() {
      window.close()
      await runtime.dispose()
    }
  }
}
