/**
 * Under the pages' CSP `new Function` is refused and reported. The jitless module must keep zod
 * from ever calling it, and every entry point with a CSP that bundles zod must load that module
 * before anything else.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import mainEntry from '../../src/renderer/src/main.ts?raw'

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

  // The toast window and the preload bundle no zod at all (tests/build/bundle-imports.test.ts).
  it('main.ts loads the jitless module before any other import', () => {
    const firstImport = mainEntry.split('\n').find((line) => line.startsWith('import '))
    expect(firstImport).toMatch(/^import '(\.\.\/)+shared\/zod-jitless'$/)
  })
})
