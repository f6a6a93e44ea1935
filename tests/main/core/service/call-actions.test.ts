import { describe, expect, it } from 'vitest'
import type { Call } from '../../../../src/shared/calls'
import { CallRegistry } from '../../../../src/main/core/calls'
import { GraphError } from '../../../../src/main/core/graph'
import { memoryLogger } from '../../../../src/main/core/log'
import { CallActions } from '../../../../src/main/core/service/call-actions'
import type { CallControl } from '../../../../src/main/core/service/ports'

function ringing(registry: CallRegistry, id: string): void {
  registry.handleEvent(
    {
      event: 'connect',
      id,
      from: 'psid-1',
      to: 'page-1',
      timestamp: Math.floor(Date.now() / 1000),
      call_direction: 'user_initiated'
    },
    'page-1'
  )
}

/** Graph for one call, recording what it was asked; `accept` fails with `acceptFails` if set. */
function setup(acceptFails?: unknown) {
  const registry = new CallRegistry({ ringTimeoutMs: 50_000 })
  const asked: string[] = []
  const controlled: string[] = []
  const control: CallControl = {
    async accept(callId) {
      asked.push(`accept ${callId}`)
      if (acceptFails) throw acceptFails
      return { answer: 'v=0 answer', renegotiation: undefined }
    },
    async reject(callId) {
      asked.push(`reject ${callId}`)
    },
    async terminate(callId) {
      asked.push(`terminate ${callId}`)
    }
  }
  const actions = new CallActions({
    registry,
    callControl: (call: Call) => {
      controlled.push(call.id)
      return control
    },
    logger: memoryLogger()
  })
  return { registry, asked, controlled, actions }
}

describe('CallActions', () => {
  it('answers through the Graph control of that call and marks it connected', async () => {
    const { registry, asked, controlled, actions } = setup()
    ringing(registry, 'c_1')
    expect(await actions.accept('c_1', 'v=0 offer', 'desk-a')).toEqual({
      answer: 'v=0 answer',
      renegotiation: undefined
    })
    expect(asked).toEqual(['accept c_1'])
    expect(controlled).toEqual(['c_1'])
    expect(registry.get('c_1')?.state).toBe('connected')
  })

  it('ends the call and terminates it when Graph never said whether it accepted', async () => {
    const unavailable = new GraphError({ kind: 'unavailable', message: 'timed out' })
    const { registry, asked, actions } = setup(unavailable)
    ringing(registry, 'c_1')
    await expect(actions.accept('c_1', 'v=0 offer', 'desk-a')).rejects.toMatchObject({
      code: 'graph'
    })
    await Promise.resolve()
    expect(asked).toEqual(['accept c_1', 'terminate c_1'])
    expect(registry.get('c_1')?.state).toBe('ended')
  })

  it('ends a hung-up call here even before Meta confirms', async () => {
    const { registry, asked, actions } = setup()
    ringing(registry, 'c_1')
    await actions.accept('c_1', 'v=0 offer', 'desk-a')
    await actions.hangUp('c_1')
    expect(asked).toEqual(['accept c_1', 'terminate c_1'])
    expect(registry.get('c_1')?.state).toBe('ended')
  })

  it('turns a registry refusal into a service error', async () => {
    const { asked, actions } = setup()
    await expect(actions.decline('c_unknown')).rejects.toMatchObject({ name: 'ServiceError' })
    expect(asked).toEqual([])
  })
})
