/** Where a headless run keeps its files when SOFTPHONE_DATA_DIR is not set. */
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Env } from './env'

/** Lower-case, so it never collides with the desktop app's userData folder ("Messenger Softphone"). */
export const DATA_DIR_NAME = 'messenger-softphone'

export function defaultDataDir(
  env: Env = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir()
): string {
  if (platform === 'win32') {
    return join(env.APPDATA || join(home, 'AppData', 'Roaming'), DATA_DIR_NAME)
  }
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', DATA_DIR_NAME)
  // XDG says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = env.XDG_CONFIG_HOME
  const base = xdg && xdg.startsWith('/') ? xdg : join(home, '.config')
  return join(base, DATA_DIR_NAME)
}

export function resolveDataDir(dataDir: string | undefined, env: Env = process.env): string {
  return dataDir ? resolve(dataDir) : defaultDataDir(env)
}
