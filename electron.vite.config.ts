import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import { printWindowSizes } from './scripts/window-sizes'

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
      plugins: [vue(), printWindowSizes()],
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
