/**
 * Runs before `npm start` and `npm run dev`: without the Electron runtime, electron-vite would build
 * everything and then fail with "Electron uninstall" and a stack trace. This says what to do instead,
 * in one sentence, and stops (exit code 1). With the runtime installed it prints nothing.
 */
import { dirname } from 'node:path'
import { createRequire } from 'node:module'
import { MISSING_ELECTRON_SENTENCE, findElectronBinary } from './electron-binary'

const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
if ('missing' in findElectronBinary(electronDir, process.env)) {
  process.stderr.write(`${MISSING_ELECTRON_SENTENCE}\n`)
  process.exit(1)
}
