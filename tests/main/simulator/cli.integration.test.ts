/**
 * `npm run sim` in-process: its own core with --with-core, and the sentences it prints when there
 * is no core to drive.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/main/core/log'
import { runCli, type CliIo } from '../../../src/main/simulator/cli/run'
import { SCENARIO_NAMES } from '../../../src/main/simulator/scenarios'

let dataDir: string

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sim-cli-'))
})

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

function io(env: CliIo['env'] = {}) {
  const out: string[] = []
  const err: string[] = []
  const streams: CliIo = {
    env,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    logger: silentLogger
  }
  return { out, err, streams }
}

const PAGE_ENV = {
  FB_PAGE_ID: '106378625516323',
  FB_PAGE_ACCESS_TOKEN: 'EAAcliTestToken0123456789',
  FB_APP_SECRET: 'cli-test-secret',
  GRAPH_API_URL: 'http://127.0.0.1:47899'
}

describe('npm run sim', () => {
  it('--with-core runs a scenario against its own core and prints every check', async () => {
    const { out, err, streams } = io()
    const code = await runCli(['declined', 'duplicate-and-out-of-order', '--with-core'], streams)
    expect(out.at(-1)).toMatch(/^\d+ passed, 0 failed$/)
    expect(code).toBe(0)
    expect(
      out.slice(0, -1).every((line) => /^PASS (declined|duplicate-and-out-of-order): /.test(line))
    ).toBe(true)
    expect(out).toContain('PASS declined: the core ends the call (ended (declined, declined))')
    expect(err.join('\n')).toMatch(/Started a core in this process/)
  })

  it('lists the scenarios and refuses an unknown one with exit 2', async () => {
    const listed = io()
    expect(await runCli(['--list'], listed.streams)).toBe(0)
    expect(listed.out).toHaveLength(SCENARIO_NAMES.length)
    const wrong = io()
    expect(await runCli(['hang-up'], wrong.streams)).toBe(2)
    expect(wrong.err[0]).toMatch(/There is no scenario "hang-up"/)
  })

  it('says how to start a core when none is running', async () => {
    const { err, streams } = io({ ...PAGE_ENV, SOFTPHONE_DATA_DIR: dataDir })
    expect(await runCli(['declined'], streams)).toBe(2)
    expect(err[0]).toBe(
      `Cannot run the scenarios: No running core found: ${join(dataDir, 'bridge.json')} does not exist. ` +
        'Start the core first with `npm run serve` (with the same SOFTPHONE_DATA_DIR), or run the scenarios with --with-core.'
    )
  })

  it('names what is missing or wrong in the environment', async () => {
    await writeFile(
      join(dataDir, 'bridge.json'),
      JSON.stringify({ port: 9, token: 't', url: 'ws://127.0.0.1:9/bridge?token=t' })
    )
    const missing = io({ SOFTPHONE_DATA_DIR: dataDir })
    expect(await runCli(['declined'], missing.streams)).toBe(2)
    expect(missing.err[0]).toMatch(/missing: FB_PAGE_ID, FB_PAGE_ACCESS_TOKEN, FB_APP_SECRET/)

    const facebook = io({ ...PAGE_ENV, GRAPH_API_URL: '', SOFTPHONE_DATA_DIR: dataDir })
    expect(await runCli(['declined'], facebook.streams)).toBe(2)
    expect(facebook.err[0]).toMatch(/GRAPH_API_URL is https:\/\/graph\.facebook\.com/)

    const stale = io({ ...PAGE_ENV, SOFTPHONE_DATA_DIR: dataDir })
    expect(await runCli(['declined'], stale.streams)).toBe(2)
    expect(stale.err[0]).toMatch(
      /Cannot reach the core's bridge on 127\.0\.0\.1:9 \(nothing listens there\)/
    )

    const bad = io({ ...PAGE_ENV, WEBHOOK_PORT: 'x', SOFTPHONE_DATA_DIR: dataDir })
    expect(await runCli(['declined'], bad.streams)).toBe(2)
    expect(bad.err[0]).toMatch(/WEBHOOK_PORT must be a whole number/)
  })
})
