/**
 * The live tunnel both composition roots run: a change of the tunnel settings reopens it with the
 * new settings (an environment value keeps winning), any other change leaves it alone.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RegistrationStatus, TunnelStatus } from '../../../../src/shared/tunnel'
import { SettingsStore, resolveConfig, type RuntimeConfig } from '../../../../src/main/core/config'
import { memoryLogger } from '../../../../src/main/core/log'
import { followLiveConfig } from '../../../../src/main/core/settings-effects/live-config'
import {
  liveTunnel,
  HANDOVER_GRACE_MS,
  type LiveTunnelHost,
  type StartTunnel
} from '../../../../src/main/core/settings-effects/live-tunnel'
import type { TunnelRuntime } from '../../../../src/main/core/tunnel'

let dataDir: string | undefined

/** The address the next fake tunnel starts with (an own URL is up at once). */
let nextPublicUrl: string | null = null

interface FakeRun {
  tunnel: RuntimeConfig['tunnel']
  stopped: boolean
  muted: boolean
  refreshed: number
  /** What its service says its address is (set by the test). */
  publicUrl: string | null
  emit(status: TunnelStatus): void
}

afterEach(async () => {
  nextPublicUrl = null
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
  dataDir = undefined
})

async function setUp(env: Record<string, string> = {}, seats?: { tunnelSubdomain: string }) {
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
    live: followLiveConfig(settings, env, logger),
    seats
  }
  const runs: FakeRun[] = []
  const open: StartTunnel = (_core, opened) => {
    const statusListeners = new Set<(status: TunnelStatus) => void>()
    const run: FakeRun = {
      tunnel: opened.tunnel,
      stopped: false,
      muted: false,
      refreshed: 0,
      publicUrl: nextPublicUrl,
      emit: (status) => statusListeners.forEach((listener) => listener(status))
    }
    runs.push(run)
    const service = {
      get publicUrl() {
        return run.publicUrl
      },
      get status(): TunnelStatus {
        return run.publicUrl
          ? { state: 'up', url: run.publicUrl }
          : { state: 'connecting', attempt: 1 }
      },
      on: (_event: 'status', listener: (status: TunnelStatus) => void) => {
        statusListeners.add(listener)
        return () => statusListeners.delete(listener)
      }
    }
    return {
      service: service as unknown as TunnelRuntime['service'],
      registrar: undefined as never,
      refresh: () => void (run.refreshed += 1),
      mute: () => void (run.muted = true),
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

  it("asks for the hub's stable subdomain when a localtunnel names none", async () => {
    const { settings, tunnel, runs } = await setUp({}, { tunnelSubdomain: 'desk-0123456789' })
    tunnel.start()
    // Its own URL needs no subdomain.
    expect(runs[0]?.tunnel.subdomain).toBeUndefined()
    await settings.update({ tunnel: { mode: 'localtunnel', publicUrl: null } })
    expect(runs[1]?.tunnel).toMatchObject({ mode: 'localtunnel', subdomain: 'desk-0123456789' })
    // One the owner set wins.
    await settings.update({ tunnel: { subdomain: 'front-office' } })
    expect(runs[2]?.tunnel).toMatchObject({ mode: 'localtunnel', subdomain: 'front-office' })
    tunnel.stop()
  })

  it('keeps a working tunnel open, muted, until the new one has its address', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const { settings, tunnel, runs } = await setUp()
      tunnel.start()
      runs[0]!.publicUrl = 'https://one.example.com'
      await settings.update({ tunnel: { mode: 'localtunnel', publicUrl: null } })
      expect(runs[0]).toMatchObject({ muted: true, stopped: false })
      runs[1]!.emit({ state: 'connecting', attempt: 1 })
      vi.advanceTimersByTime(HANDOVER_GRACE_MS * 5)
      expect(runs[0]?.stopped).toBe(false)
      runs[1]!.publicUrl = 'https://two.loca.lt'
      runs[1]!.emit({ state: 'up', url: 'https://two.loca.lt' })
      expect(runs[0]?.stopped).toBe(false)
      vi.advanceTimersByTime(HANDOVER_GRACE_MS)
      expect(runs[0]?.stopped).toBe(true)

      // Turned off: nothing new comes, so nothing is kept.
      await settings.update({ tunnel: { mode: 'none' } })
      expect(runs[1]).toMatchObject({ muted: false, stopped: true })
      // An own URL is up at once: the one it replaces goes a moment later, not a minute.
      nextPublicUrl = 'https://four.example.com'
      await settings.update({ tunnel: { mode: 'own-url', publicUrl: 'https://four.example.com' } })
      expect(runs[2]).toMatchObject({ muted: false, stopped: true })
      nextPublicUrl = 'https://five.example.com'
      await settings.update({ tunnel: { publicUrl: 'https://five.example.com' } })
      expect(runs[3]).toMatchObject({ muted: true, stopped: false })
      vi.advanceTimersByTime(HANDOVER_GRACE_MS)
      expect(runs[3]?.stopped).toBe(true)
      tunnel.stop()
    } finally {
      vi.useRealTimers()
    }
  })
})
