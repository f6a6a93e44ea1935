/**
 * The headless core's build (issue 14, item 3): src/main/serve.ts and what it imports, as plain
 * Node ES modules, out/core/serve.js, that `npm run serve` and `npm run web` run (no TypeScript
 * loader at run time). Packages stay outside the bundle, loaded from node_modules as usual. What is
 * imported on demand (the test call's simulator, with WebRTC) becomes a chunk of its own, loaded
 * only when used: an idle core does not hold it. Chunk names carry a hash of their content, so a
 * rebuild adds new chunks beside the old ones a running core may still load (scripts/fresh-build.js
 * runs this build when the sources are newer than out/core).
 */
import { defineConfig } from 'vite'

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'src/main/serve.ts',
    outDir: 'out/core',
    target: 'node20',
    // Stack traces in the log should name the real functions; size matters little on a server.
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: { output: { format: 'es', chunkFileNames: 'chunks/[name]-[hash].js' } }
  }
})
