import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { memoryLogger } from '../../../src/main/core/log'
import { refreshOnWakeUp } from '../../../src/main/desktop/wake-up'

function targets() {
  return {
    tunnel: { refresh: vi.fn() },
    core: {
      checkPage: vi.fn(async () => undefined),
      checkWebhookOwner: vi.fn(async () => undefined)
    }
  }
}

describe('refreshOnWakeUp', () => {
  it('refreshes the tunnel and asks Meta again on resume', () => {
    const powerMonitor = new EventEmitter()
    const { tunnel, core } = targets()
    refreshOnWakeUp(powerMonitor, { tunnel, core }, memoryLogger())
    powerMonitor.emit('resume')
    expect(tunnel.refresh).toHaveBeenCalledOnce()
    expect(core.checkPage).toHaveBeenCalledOnce()
    expect(core.checkWebhookOwner).toHaveBeenCalledOnce()
  })

  it('still asks Meta when no tunnel opened (the webhook port was taken)', () => {
    const powerMonitor = new EventEmitter()
    const { core } = targets()
    refreshOnWakeUp(powerMonitor, { tunnel: undefined, core }, memoryLogger())
    powerMonitor.emit('resume')
    expect(core.checkPage).toHaveBeenCalledOnce()
    expect(core.checkWebhookOwner).toHaveBeenCalledOnce()
  })
})
