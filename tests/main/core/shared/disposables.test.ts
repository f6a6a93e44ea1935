import { describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../../src/main/core/log'
import { Disposables } from '../../../../src/main/core/shared/disposables'

describe('Disposables', () => {
  it('stops last added first, once, and says whether every step stopped cleanly', async () => {
    const stopped: string[] = []
    const disposables = new Disposables(memoryLogger())
    disposables.add('first', () => void stopped.push('first'))
    disposables.add('second', async () => void stopped.push('second'))
    expect(await disposables.dispose()).toBe(true)
    expect(await disposables.dispose()).toBe(true)
    expect(stopped).toEqual(['second', 'first'])
  })

  it('logs a failing or hanging step, runs the rest, and resolves false', async () => {
    const stopped: string[] = []
    const log = memoryLogger()
    const disposables = new Disposables(log, 50)
    disposables.add('first', () => void stopped.push('first'))
    disposables.add('hangs', () => new Promise(() => undefined))
    disposables.add('fails', () => {
      throw new Error('broken')
    })
    expect(await disposables.dispose()).toBe(false)
    expect(stopped).toEqual(['first'])
    expect(log.entries.map((entry) => [entry.level, entry.message])).toEqual([
      ['error', 'a service did not stop cleanly'],
      ['warn', 'gave up waiting for a service to stop']
    ])
  })
})
