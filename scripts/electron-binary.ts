/**
 * Where the Electron runtime is, found the way electron-vite finds it (ELECTRON_EXEC_PATH, else the
 * electron package's path.txt and dist/ folder), without requiring the electron package: its
 * index.js starts a download when the binary is missing.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export type ElectronBinary = { path: string } | { missing: string }

/** `electronDir` is node_modules/electron. */
export function findElectronBinary(
  electronDir: string,
  env: Readonly<Record<string, string | undefined>> = {}
): ElectronBinary {
  const override = env['ELECTRON_EXEC_PATH']
  if (override) {
    return existsSync(override) ? { path: override } : { missing: `${override} is missing` }
  }
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return { missing: `${pathFile} is missing` }
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? { path: binary } : { missing: `${binary} is missing` }
}

/**
 * The runtime, downloaded first when it is missing and a download is allowed: not with an explicit
 * ELECTRON_EXEC_PATH (that path is the user's to provide) nor with ELECTRON_SKIP_BINARY_DOWNLOAD
 * (machines without internet, like CI, set it so nothing waits for a download that cannot happen).
 */
export function ensureElectronBinary(
  electronDir: string,
  env: Readonly<Record<string, string | undefined>>,
  download: () => boolean
): ElectronBinary {
  const found = findElectronBinary(electronDir, env)
  if ('path' in found || env['ELECTRON_EXEC_PATH'] || env['ELECTRON_SKIP_BINARY_DOWNLOAD']) {
    return found
  }
  return download() ? findElectronBinary(electronDir, env) : found
}

/**
 * The one sentence `npm start` prints when the runtime is missing. Electron 45 has no install
 * script (`npm rebuild electron` does nothing): the package's own `install-electron` bin downloads it.
 */
export const MISSING_ELECTRON_SENTENCE =
  'The Electron runtime is not installed and could not be downloaded: with internet, `npx install-electron` fetches it; ' +
  'without, `npm run web` runs the same app in your browser now.'
