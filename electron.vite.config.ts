import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import { printWindowSizes } from './scripts/window-sizes'
import { vueI18nTreeShaking } from './scripts/vue-i18n-tree-shaking'

export default defineConfig(({ command }) => {
  // Source maps help while developing; in a build they would ship inside the app for no one's use.
  const sourcemap = command === 'serve'
  return {
    main: {
      build: { externalizeDeps: true, sourcemap }
    },
    preload: {
      build: {
        // A sandboxed preload can `require` only a few Electron built-ins, never a package from
        // node_modules: everything it imports (zod, via the shared contract) is bundled into one
        // CommonJS file.
        externalizeDeps: false,
        sourcemap,
        rollupOptions: { output: { format: 'cjs' } }
      }
    },
    renderer: {
      plugins: [vue(), vueI18nTreeShaking(), printWindowSizes()],
      // The runtime-only vue-i18n: the catalogues' messages are compiled by i18n/compile-message.ts.
      resolve: {
        alias: { 'vue-i18n': 'vue-i18n/dist/vue-i18n.runtime.mjs' }
      },
      // vue-i18n's feature flags: the Composition API only, no devtools hooks in a build; the
      // legacy API and its global $t helpers would otherwise be bundled into both windows.
      define: {
        __VUE_I18N_FULL_INSTALL__: false,
        __VUE_I18N_LEGACY_API__: false,
        __INTLIFY_PROD_DEVTOOLS__: false,
        __INTLIFY_DROP_MESSAGE_COMPILER__: true
      },
      build: {
        sourcemap: false,
        // electron-vite leaves the renderer unminified; the windows load it on every open.
        minify: true,
        // Which chunks each window loads, for the sizes printed below and bounded by a test.
        manifest: true,
        rollupOptions: {
          input: {
            index: resolve(import.meta.dirname, 'src/renderer/index.html'),
            toast: resolve(import.meta.dirname, 'src/renderer/toast.html')
          }
        }
      }
    }
  }
})
