/**
 * The desktop app's start, against files an older version left in its data folder: they are made
 * private (and the log says so once), the TURN password moves from settings.json to the encrypted
 * secret store, and a Graph address found in settings.json is ignored and reported.
 */
import { chmod, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanUp, startDesktop, type StartedDesktop } from './desktop-fixtures'

const TURN_PASSWORD = 'turn-password-from-an-older-version'
let started: StartedDesktop | undefined

afterEach(async () => {
  if (started) await cleanUp(started)
  started = undefined
})

describe.runIf(process.platform !== 'win32')('the desktop data folder at start', () => {
  it('is made private, and settings.json keeps no credential and no Graph address', async () => {
    started = await startDesktop({
      configured: false,
      prepareDataDir: async (dataDir) => {
        await chmod(dataDir, 0o755)
        const settings = join(dataDir, 'settings.json')
        await writeFile(
          settings,
          JSON.stringify({
            graph: { apiUrl: 'https://graph.evil.example' },
            ice: {
              turn: { url: 'turn:turn.example.com', username: 'desk', credential: TURN_PASSWORD }
            }
          })
        )
        await chmod(settings, 0o644)
      }
    })
    const { app, dataDir, log } = started
    const settingsFile = join(dataDir, 'settings.json')
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700)
    expect((await stat(settingsFile)).mode & 0o777).toBe(0o600)
    expect(await readFile(settingsFile, 'utf8')).not.toContain(TURN_PASSWORD)
    expect((await stat(join(dataDir, 'logs'))).mode & 0o777).toBe(0o700)
    const client = { id: 'test', send: () => undefined }
    expect(await app.core.service.dispatch('turnPassword', {}, client)).toEqual({ saved: true })
    expect(app.core.status().ignoredGraphUrl).toBe('https://graph.evil.example')
    const said = log.written.filter((line) => String(line.data[0]).startsWith('Made files private'))
    expect(said).toHaveLength(1)
  })
})
