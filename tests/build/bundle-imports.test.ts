/**
 * What each sandboxed page bundles (issue 12, item 5). The preload carries command and event names
 * only: main validates every request, so zod there would be ~175 KB that checks nothing. The toast
 * window shows ringing calls and needs Vue alone. A fast check on the sources' module graph; the
 * packaging test weighs the built files as well.
 */
import { describe, expect, it } from 'vitest'
import { moduleGraph } from './support/module-graph'

describe('the preload’s imports', () => {
  const graph = moduleGraph('src/preload/index.ts')

  it('reach no package but electron: no zod, names only', () => {
    expect(Object.fromEntries(graph.packages)).toEqual({
      electron: ['src/preload/index.ts', 'electron']
    })
  })

  it('take the names from the zod-free list, not from the contract’s schemas', () => {
    expect(graph.files).toContain('src/shared/api-names.ts')
    expect(graph.files).not.toContain('src/shared/api.ts')
  })
})

describe('the toast window’s imports', () => {
  const graph = moduleGraph('src/renderer/src/toast-main.ts')

  it('reach Vue and vue-i18n and nothing else: no zod (the chain says where it would come from)', () => {
    expect(graph.packages.get('zod')).toBeUndefined()
    expect([...graph.packages.keys()].sort()).toEqual(['vue', 'vue-i18n'])
  })
})

describe('the module graph reader', () => {
  it('follows .vue scripts, and says by which chain zod is reached', () => {
    const graph = moduleGraph('src/renderer/src/main.ts')
    expect(graph.files).toContain('src/renderer/src/App.vue')
    expect(graph.files).toContain('src/shared/service-error.ts')
    // The main window bundles zod: its entry makes it jitless first, and the settings form builds
    // its defaults with the shared settings schema.
    expect(graph.packages.get('zod')).toEqual([
      'src/renderer/src/main.ts',
      'src/shared/zod-jitless.ts',
      'zod'
    ])
    expect(graph.files).toContain('src/shared/settings.ts')
    expect(moduleGraph('src/shared/api.ts').packages.get('zod')).toEqual([
      'src/shared/api.ts',
      'zod'
    ])
  })
})
