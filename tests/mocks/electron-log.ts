/** A fake electron-log: records what the shell logs, and runs the hooks as electron-log does. */
import { join } from 'node:path'
import type { LevelOption, LogFile, LogMessage, PathVariables } from 'electron-log'
import type { LogBackend } from '../../src/main/desktop/logging'

type Level = 'debug' | 'info' | 'warn' | 'error'

export interface FakeLogBackend extends LogBackend, Record<Level, (...data: unknown[]) => void> {
  /** Every line after the hooks ran, as the file transport would receive it. */
  written: { level: Level; scope: string; data: unknown[] }[]
  catching: { showDialog?: boolean } | undefined
  /** Logs as third-party code would, straight through electron-log. */
  write(level: Level, scope: string, ...data: unknown[]): void
}

/** `folder`: where the log file would be (its path resolves only then, as electron-log's does). */
export function fakeLogBackend(options: { folder?: string } = {}): FakeLogBackend {
  const backend: FakeLogBackend = {
    hooks: [],
    transports: {
      file: {
        level: 'silly' as LevelOption,
        writeOptions: { flag: 'a', mode: 0o666, encoding: 'utf8' },
        resolvePathFn: () => {
          if (!options.folder) throw new Error('no log folder in this test')
          return join(options.folder, 'main.log')
        },
        getFile: () =>
          ({ path: backend.transports.file.resolvePathFn({} as PathVariables) }) as LogFile
      },
      console: { level: 'silly' as LevelOption }
    },
    written: [],
    catching: undefined,
    errorHandler: {
      startCatching(options) {
        backend.catching = options ?? {}
      }
    },
    debug: (...data) => backend.write('debug', '', ...data),
    info: (...data) => backend.write('info', '', ...data),
    warn: (...data) => backend.write('warn', '', ...data),
    error: (...data) => backend.write('error', '', ...data),
    write(level, scope, ...data) {
      let message: LogMessage | false = { data, date: new Date(), level, scope }
      for (const hook of backend.hooks) {
        if (message === false) break
        message = hook(message)
      }
      if (message !== false) backend.written.push({ level, scope, data: message.data })
    },
    scope(label) {
      return {
        debug: (...data: unknown[]) => backend.write('debug', label, ...data),
        info: (...data: unknown[]) => backend.write('info', label, ...data),
        warn: (...data: unknown[]) => backend.write('warn', label, ...data),
        error: (...data: unknown[]) => backend.write('error', label, ...data)
      }
    }
  }
  return backend
}
