/**
 * The test line hands the simulator's calls to the registry marked `test`, and that flag is all it
 * leaves behind: it remembers no call ids, so a desk that runs test calls all day holds nothing
 * more for them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { memoryLogger } from '../../../src/main/core/log'
import { TestLine } from '../../../src/main/core/test-line'
import { fakeTestCallSimulator } from './support/test-line-core'

let line: TestLine | undefined

afterEach(async () => {
  await line?.close()
  line = undefined
})

/** The sizes of every Set or Map the test line holds. */
function collectionSizes(target: object): number[] {
  return Object.values(target)
    .filter((value) => value instanceof Set || value instanceof Map)
    .map((value: Set<unknown> | Map<unknown, unknown>) => value.size)
}

describe('the test line', () => {
  it('rings each call into the registry marked test, keeping no memory of the calls', async () => {
    const handleEvent = vi.fn()
    line = new TestLine({
      factory: fakeTestCallSimulator(),
      registry: { handleEvent },
      logger: memoryLogger()
    })
    const ids = [await line.start(), await line.start(), await line.start()]

    expect(ids).toEqual(['test-call-1', 'test-call-2', 'test-call-3'])
    expect(handleEvent.mock.calls.map(([event, , , origin]) => [event.id, origin])).toEqual(
      ids.map((id) => [id, { test: true, testDesk: undefined }])
    )
    // Only the simulator's one caller (for its profile); nothing grows with the number of calls.
    expect(collectionSizes(line).filter((size) => size > 0)).toEqual([1])
    expect(line).not.toHaveProperty('isTestCall')
  })

  it('marks each call with the desk that started it, from its connect on', async () => {
    const handleEvent = vi.fn()
    line = new TestLine({
      factory: fakeTestCallSimulator(),
      registry: { handleEvent },
      logger: memoryLogger()
    })
    await line.start('owner')
    await line.start('seat:Front desk')

    expect(handleEvent.mock.calls.map(([event, , , origin]) => [event.id, origin])).toEqual([
      ['test-call-1', { test: true, testDesk: 'owner' }],
      ['test-call-2', { test: true, testDesk: 'seat:Front desk' }]
    ])
    // Each desk is taken by its call's connect: nothing is left behind.
    expect(collectionSizes(line).filter((size) => size > 0)).toEqual([1])
  })
})
