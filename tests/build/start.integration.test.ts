/**
 * `npm start` where the Electron runtime is not installed and cannot be downloaded (the CI machines
 * have no internet and set ELECTRON_SKIP_BINARY_DOWNLOAD): one sentence saying how to get it and what
 * runs now, exit code 1, no stack trace, and nothing built first. With the runtime there, the check
 * is silent and lets the start go on.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MISSING_ELECTRON_SENTENCE } from '../../scripts/electron-binary'

const ROOT = join(import.meta.dirname, '../..')

function run(command: string, args: string[], env: Record<string, string>) {
  return spawnSync(command, args, {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    encoding: 'utf8',
    timeout: 25_000
  })
}

describe('npm start without the Electron runtime', () => {
  it('prints one sentence with what to do, and stops before building', () => {
    const started = Date.now()
    const result = run('npm', ['start'], {
      ELECTRON_EXEC_PATH: join(ROOT, 'node_modules/electron/dist/not-installed')
    })
    expect(result.status).toBe(1)
    expect(result.stderr.trim()).toBe(MISSING_ELECTRON_SENTENCE)
    expect(MISSING_ELECTRON_SENTENCE).toContain('npx install-electron')
    expect(MISSING_ELECTRON_SENTENCE).toContain('npm run web')
    expect(result.stderr).not.toMatch(/^\s+at /m)
    // electron-vite never ran: it would have built main, preload and renderer first.
    expect(result.stdout).not.toContain('building')
    expect(Date.now() - started).toBeLessThan(20_000)
  })

  it('says the same where downloads are switched off (machines without internet)', () => {
    const result = run('npm', ['start'], { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })
    if (result.status === 0 || !result.stderr.includes(MISSING_ELECTRON_SENTENCE)) {
      // A machine with the runtime installed starts the app instead: nothing to check here.
      expect(result.stderr).not.toContain(MISSING_ELECTRON_SENTENCE)
      return
    }
    expect(result.status).toBe(1)
    expect(result.stderr.trim()).toBe(MISSING_ELECTRON_SENTENCE)
  })

  it('says nothing and lets the start go on where the runtime is installed', () => {
    const result = run(process.execPath, ['--import', 'tsx', 'scripts/check-electron.ts'], {
      ELECTRON_EXEC_PATH: process.execPath
    })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })
})
