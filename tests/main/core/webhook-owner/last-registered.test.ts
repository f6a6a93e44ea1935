import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultSettings } from '../../../../src/main/core/config'
import { isAppDataFile } from '../../../../src/main/core/config/private-files'
import { deskName } from '../../../../src/main/core/webhook-owner'
import {
  LAST_REGISTERED_FILE,
  lastRegisteredFile
} from '../../../../src/main/core/webhook-owner/last-registered'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'softphone-owner-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('the callback URL this desk registered last', () => {
  it('is kept across restarts, in a file for this user alone', async () => {
    expect(await lastRegisteredFile(dir).get()).toBeUndefined()
    await lastRegisteredFile(dir).set('https://one.tunnel.example/webhook')
    expect(await lastRegisteredFile(dir).get()).toBe('https://one.tunnel.example/webhook')
    if (process.platform !== 'win32')
      expect((await stat(join(dir, LAST_REGISTERED_FILE))).mode & 0o777).toBe(0o600)
    // The start-up sweep knows it as one of the app's files.
    expect(isAppDataFile(LAST_REGISTERED_FILE)).toBe(true)
  })

  it('belongs to the app it was registered for: another app starts with nothing', async () => {
    let appId = '111'
    const kept = lastRegisteredFile(dir, () => appId)
    await kept.set('https://one.tunnel.example/webhook')
    expect(await kept.get()).toBe('https://one.tunnel.example/webhook')
    appId = '222'
    expect(await kept.get()).toBeUndefined()
    expect(await lastRegisteredFile(dir, () => '222').get()).toBeUndefined()
    expect(await lastRegisteredFile(dir, () => '111').get()).toBe(
      'https://one.tunnel.example/webhook'
    )
  })

  it('an unreadable file proves nothing: the desk looks before registering', async () => {
    await writeFile(join(dir, LAST_REGISTERED_FILE), '{"callbackUrl": 42')
    expect(await lastRegisteredFile(dir).get()).toBeUndefined()
  })
})

describe('the desk name', () => {
  it('is the setting, else the computer’s name', () => {
    const settings = defaultSettings()
    expect(settings.desk.name).toBe('')
    expect(deskName(settings)).toBe(hostname())
    expect(deskName({ ...settings, desk: { ...settings.desk, name: '  Front desk ' } })).toBe(
      'Front desk'
    )
  })
})
