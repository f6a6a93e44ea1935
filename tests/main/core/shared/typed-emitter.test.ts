import { describe, expect, it, vi } from 'vitest'
import { TypedEmitter } from '../../../../src/main/core/shared/typed-emitter'

interface Events {
  tick: number
  tock: string
}

describe('TypedEmitter', () => {
  it('delivers payloads to the listeners of that event only, until they unsubscribe', () => {
    const emitter = new TypedEmitter<Events>()
    const ticks: number[] = []
    const tocks: string[] = []
    const off = emitter.on('tick', (n) => ticks.push(n))
    emitter.on('tock', (s) => tocks.push(s))
    emitter.emit('tick', 1)
    emitter.emit('tock', 'a')
    off()
    off()
    emitter.emit('tick', 2)
    expect(ticks).toEqual([1])
    expect(tocks).toEqual(['a'])
    expect(emitter.listenerCount('tick')).toBe(0)
    expect(emitter.listenerCount('tock')).toBe(1)
  })

  it('reports a throwing listener and still reaches the others', () => {
    const errors: unknown[] = []
    const emitter = new TypedEmitter<Events>((error, event) => errors.push([event, error]))
    const seen: number[] = []
    emitter.on('tick', () => {
      throw new Error('boom')
    })
    emitter.on('tick', (n) => seen.push(n))
    emitter.emit('tick', 7)
    expect(seen).toEqual([7])
    expect(errors).toEqual([['tick', new Error('boom')]])
  })

  it('reports a rejecting async listener instead of leaving an unhandled rejection', async () => {
    const onError = vi.fn()
    const emitter = new TypedEmitter<Events>(onError)
    emitter.on('tick', async () => {
      throw new Error('later')
    })
    emitter.emit('tick', 1)
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith(new Error('later'), 'tick'))
  })

  it('survives an error reporter that throws', () => {
    const emitter = new TypedEmitter<Events>(() => {
      throw new Error('reporter down')
    })
    const seen: number[] = []
    emitter.on('tick', () => {
      throw new Error('boom')
    })
    emitter.on('tick', (n) => seen.push(n))
    expect(() => emitter.emit('tick', 1)).not.toThrow()
    expect(seen).toEqual([1])
  })

  it('delivers an emission made inside a listener after the current one reached everybody', () => {
    const emitter = new TypedEmitter<Events>()
    const order: string[] = []
    emitter.on('tick', (n) => {
      order.push(`first:${n}`)
      if (n === 1) emitter.emit('tick', 2)
    })
    emitter.on('tick', (n) => order.push(`second:${n}`))
    emitter.emit('tick', 1)
    expect(order).toEqual(['first:1', 'second:1', 'first:2', 'second:2'])
  })

  it('keeps delivering to a neighbour when a listener unsubscribes mid-delivery', () => {
    const emitter = new TypedEmitter<Events>()
    const seen: string[] = []
    const off = emitter.on('tick', () => {
      seen.push('a')
      off()
    })
    emitter.on('tick', () => seen.push('b'))
    emitter.emit('tick', 1)
    emitter.emit('tick', 2)
    expect(seen).toEqual(['a', 'b', 'b'])
  })

  it('forgets every listener on clear', () => {
    const emitter = new TypedEmitter<Events>()
    const listener = vi.fn()
    emitter.on('tick', listener)
    emitter.clear()
    emitter.emit('tick', 1)
    expect(listener).not.toHaveBeenCalled()
  })
})
