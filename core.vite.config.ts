/**
 * The headless core's build (issue 14, item 3): src/main/serve.ts and what it imports, as one plain
 * Node ES module, out/core/serve.js, that `npm run serve` and `npm run web` run (no TypeScript
 * loader at run time). Packages stay outside the bundle, loaded from node_modules as usual; one
 * file, so a rebuild swapped in while another instance runs never pulls a chunk from under it.
 * scripts/fresh-build.js runs this build when the sources are newer than out/core.
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
    rollupOptions: { output: { format: 'es', codeSplitting: false } }
  }
})
