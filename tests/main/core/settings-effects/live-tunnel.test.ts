/**
 * The live tunnel both composition roots run: a change of the tunnel settings reopens it with the
 * new settings (an environment value keeps winning), any other change leaves it alone.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { RegistrationStatus, TunnelStatus } from '../../../../src/shared/tunnel'
import { SettingsStore, resolveConfig, type RuntimeConfig } from '../../../../src/main/core/config'
import { memoryLogger } from '../../../../src/main/core/log'
import { followLiveConfig } from '../../../../src/main/core/settings-effects/live-config'
import {
  liveTunnel,
  type LiveTunnelHost,
  type StartTunnel
} from '../../../../src/main/core/settings-effects/live-tunnel'

let dataDir: string | undefined

afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
  dataDir = undefined
})

async function setUp(env: Record<string, string> = {}) {
  dataDir = await mkdtemp(join(tmpdir(), 'softphone-live-tunnel-'))
  const logger = memoryLogger()
  const settings = await SettingsStore.open(dataDir, logger)
  await settings.update({ tunnel: { mode: 'own-url', publicUrl: 'https://one.example.com' } })
  const config: RuntimeConfig = resolveConfig({ settings: settings.get(), secrets: {}, env })
  const registrations: RegistrationStatus[] = []
  const host: LiveTunnelHost = {
    graph: { subscribeAppWebhook: async () => undefined },
    lastVerification: undefined,
    status: () => ({ webhookUrl: 'http://127.0.0.1:47800/webhook' }),
    setPublicUrl: () => undefined,
    setTunnelStatus: (_status: TunnelStatus) => undefined,
    setRegistrationStatus: (status) => void registrations.push(status),
    live: followLiveConfig(settings, env, logger)
  }
  const runs: { tunnel: RuntimeConfig['tunnel']; stopped: boolean; refreshed: number }[] = []
  const open: StartTunnel = (_core, opened) => {
    const run = { tunnel: opened.tunnel, stopped: false, refreshed: 0 }
    runs.push(run)
    return {
      service: undefined as never,
      registrar: undefined as never,
      refresh: () => void (run.refreshed += 1),
      stop: () => void (run.stopped = true)
    }
  }
  const tunnel = liveTunnel(host, config, logger, open)
  return { settings, tunnel, runs, registrations }
}

describe('the live tunnel', () => {
  it('reopens with the new settings when the tunnel settings change, and only then', async () => {
    const { settings, tunnel, runs, registrations } = await setUp()
    tunnel.start()
    tunnel.start()
    expect(runs.map((run) => run.tunnel)).toEqual([
      expect.objectContaining({ mode: 'own-url', publicUrl: 'https://one.example.com' })
    ])

    await settings.update({ theme: 'dark', ringTimeoutSeconds: 20 })
    expect(runs).toHaveLength(1)

    await settings.update({
      tunnel: { mode: 'localtunnel', host: 'https://lt.example.com', subdomain: 'desk' }
    })
    expect(runs).toHaveLength(2)
    expect(runs[0]?.stopped).toBe(true)
    expect(runs[1]).toMatchObject({
      stopped: false,
      tunnel: { mode: 'localtunnel', host: 'https://lt.example.com', subdomain: 'desk' }
    })
    expect(registrations.at(-1)).toEqual({ state: 'not-needed', reason: 'no-public-url' })

    tunnel.refresh()
    expect(runs[1]?.refreshed).toBe(1)
    tunnel.stop()
    expect(runs[1]?.stopped).toBe(true)
    // Stopped for good: later changes open nothing.
    await settings.update({ tunnel: { mode: 'none' } })
    expect(runs).toHaveLength(2)
  })

  it('opens nothing before start, and keeps what the environment fixes', async () => {
    const { settings, tunnel, runs } = await setUp({ PUBLIC_URL: 'https://env.example.com' })
    await settings.update({ tunnel: { publicUrl: 'https://two.example.com' } })
    expect(runs).toEqual([])
    tunnel.start()
    expect(runs[0]?.tunnel).toMatchObject({ mode: 'own-url', publicUrl: 'https://env.example.com' })
    await settings.update({
      tunnel: { mode: 'localtunnel', publicUrl: 'https://three.example.com' }
    })
    // PUBLIC_URL wins over both: nothing the owner saved changes where Meta delivers.
    expect(runs).toHaveLength(1)
    tunnel.stop()
  })
})
