/**
 * Under the pages' CSP `new Function` is refused and reported. The jitless module must keep zod
 * from ever calling it, and every entry point with a CSP must load that module before anything else.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import mainEntry from '../../src/renderer/src/main.ts?raw'
import toastEntry from '../../src/renderer/src/toast-main.ts?raw'
import preloadEntry from '../../src/preload/index.ts?raw'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('zod under a CSP without unsafe-eval', () => {
  it('builds and parses object schemas without ever calling new Function', async () => {
    const refused = vi.fn(() => {
      throw new EvalError('Refused to evaluate a string as JavaScript (CSP)')
    })
    vi.stubGlobal('Function', refused)
    await import('../../src/shared/zod-jitless')
    const { z } = await import('zod')

    const schema = z.object({ id: z.string(), n: z.number() })
    expect(schema.parse({ id: 'a', n: 1 })).toEqual({ id: 'a', n: 1 })
    expect(z.config().jitless).toBe(true)
    expect(refused).not.toHaveBeenCalled()
  })

  it.each([
    ['main.ts', mainEntry],
    ['toast-main.ts', toastEntry],
    ['preload/index.ts', preloadEntry]
  ])('%s loads the jitless module before any other import', (_entry, source) => {
    const firstImport = source.split('\n').find((line) => line.startsWith('import '))
    expect(firstImport).toMatch(/^import '(\.\.\/)+shared\/zod-jitless'$/)
  })
})
