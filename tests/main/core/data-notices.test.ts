/**
 * What the core could not read in its data folder reaches every UI through the status: the
 * History view's sentence about set-aside entries and the Settings view's about settings.json.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CoreStatus } from '../../../src/shared/api'
import { SettingsStore, resolveConfig } from '../../../src/main/core/config'
import { memoryLogger } from '../../../src/main/core/log'
import { createSoftphoneCore, type SoftphoneCore } from '../../../src/main/core/softphone-core'
import { makeRecord } from './history/fixtures/records'

let dataDir: string | undefined
let core: SoftphoneCore | undefined

afterEach(async () => {
  await core?.stop()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
  core = undefined
  dataDir = undefined
})

async function startCore(dir: string): Promise<CoreStatus> {
  const logger = memoryLogger()
  const settings = await SettingsStore.open(dir, logger)
  const env = { GRAPH_API_URL: 'http://127.0.0.1:9' }
  const config = resolveConfig({ settings: settings.get(), secrets: {}, env })
  core = await createSoftphoneCore({ config, dataDir: dir, settings, env, logger })
  return (await core.service.dispatch(
    'getStatus',
    {},
    { id: 'ui', send: () => undefined }
  )) as CoreStatus
}

describe('the core tells the UIs what it could not read', () => {
  it('puts the history and settings sentences in the status, and nothing when all was read', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'softphone-notices-'))
    const good = `${JSON.stringify(makeRecord(1))}\n`
    await writeFile(join(dataDir, 'history.jsonl'), `${good}not a record\n{"also": "not"}\n`)
    await writeFile(join(dataDir, 'settings.json'), '{ "theme": ')

    const status = await startCore(dataDir)
    const names = await readdir(dataDir)
    const historyAside = names.find((name) => name.startsWith('history.unreadable-'))
    const settingsAside = names.find((name) => name.startsWith('settings.unreadable-'))
    expect(status.notices?.history).toEqual([
      `2 entries could not be read; they were kept in ${join(dataDir, historyAside ?? '?')}.`
    ])
    expect(status.notices?.settings).toEqual([
      expect.stringContaining(`the file was kept as ${join(dataDir, settingsAside ?? '?')}`)
    ])
    // The same sentences as words, for a window in another language.
    expect(status.notices?.historyWords).toEqual([
      {
        key: 'config.historyFile.manyKept',
        params: { count: 2, file: join(dataDir, historyAside ?? '?') }
      }
    ])
    expect(status.notices?.settingsWords).toMatchObject([
      {
        key: 'config.settingsFile.unreadable',
        params: { problem: { key: 'config.settingsFile.notJson' } }
      }
    ])

    await core?.stop()
    core = undefined
    const again = await startCore(dataDir)
    expect(again.notices).toEqual({ history: [], settings: [] })
  })
})
