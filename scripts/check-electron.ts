/**
 * Runs before `npm start` and `npm run dev`. Electron 45 has no install script: its index.js
 * downloads the runtime the first time something asks for it, and where that fails (no internet)
 * electron-vite would build everything and then stop with a stack trace. So the download is tried
 * here, once, as Electron itself would; when it cannot happen (switched off with
 * ELECTRON_SKIP_BINARY_DOWNLOAD, or it failed) one sentence says what to do instead and the start
 * stops (exit code 1). With the runtime installed it prints nothing.
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { MISSING_ELECTRON_SENTENCE, ensureElectronBinary } from './electron-binary'

const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
const found = ensureElectronBinary(electronDir, process.env, () => {
  process.stderr.write('Downloading the Electron runtime (once)...\n')
  // Its output stays hidden: on failure it prints a stack trace, and the sentence below says more.
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: 'ignore',
    timeout: 10 * 60_000
  })
  return result.status === 0
})
if ('missing' in found) {
  process.stderr.write(`${MISSING_ELECTRON_SENTENCE}\n`)
  process.exit(1)
}
