/**
 * `npm run hub`: the desks of a hub running headless (`npm run serve`), driven through its
 * loopback bridge as the owner, the way the hub's own window drives them. The bridge's address
 * and token are in bridge.json in the data folder (SOFTPHONE_DATA_DIR), which only this machine's
 * user who runs the hub can read.
 *
 * Exit codes: 0 done; 1 the hub refused the command (its sentence is printed); 2 no hub runs
 * here, or the command line is wrong.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { SoftphoneApi } from '../../shared/api'
import type { BridgeClient } from '../../shared/bridge-client'
import type { DeskInvitation, DeskList } from '../../shared/desks'
import { ServiceError } from '../../shared/service-error'
import { BRIDGE_INFO_FILE } from '../core/bridge/ui-server'
import { resolveDataDir, type Env } from '../core/config'
import { connectBridge } from '../simulator/rig/bridge-connection'

export interface HubCliIo {
  env: Env
  /** Standard output: what a script reads (the pairing code, the list). */
  out: (line: string) => void
  /** Standard error: sentences for the person at the terminal. */
  err: (line: string) => void
  /** Connects to the bridge at this URL (tests may hand in their own). */
  connect?: ((url: string) => Promise<BridgeClient>) | undefined
}

export const USAGE = [
  'Usage: npm run hub -- <command>',
  '  add-desk <name>   a one-time pairing code for a new desk called <name> (valid 10 minutes)',
  '  desks             the paired desks: online or not, last seen, calls answered today',
  '  remove <name>     revokes a desk: its connection closes and its key never works again',
  'The hub must be running on this machine (npm run serve) with the same SOFTPHONE_DATA_DIR.'
].join('\n')

/** Why no hub could be reached, as the sentence to print. */
class NoHubError extends Error {}

type Command = (api: SoftphoneApi, name: string, io: HubCliIo) => Promise<void>

const COMMANDS: Record<string, { needsName: boolean; run: Command }> = {
  'add-desk': {
    needsName: true,
    run: async (api, name, io) => printInvitation(await api.addDesk({ name }), io)
  },
  desks: {
    needsName: false,
    run: async (api, _name, io) => printDesks(await api.listDesks({}), io)
  },
  remove: {
    needsName: true,
    run: async (api, name, io) => {
      const left = await api.removeDesk({ name })
      io.err(`"${name}" is removed: its connection is closed and its key no longer works.`)
      printDesks(left, io)
    }
  }
}

export async function runHubCli(args: string[], io: HubCliIo): Promise<number> {
  const [commandName, ...rest] = args
  const command = commandName === undefined ? undefined : COMMANDS[commandName]
  const name = rest.join(' ').trim()
  if (!command || (command.needsName && name === '') || (!command.needsName && name !== '')) {
    io.err(USAGE)
    return 2
  }
  let client: BridgeClient
  try {
    client = await openHub(io)
  } catch (error) {
    if (!(error instanceof NoHubError)) throw error
    io.err(error.message)
    return 2
  }
  try {
    await command.run(client.api, name, io)
    return 0
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error
    io.err(error.message)
    return 1
  } finally {
    client.close()
  }
}

async function openHub(io: HubCliIo): Promise<BridgeClient> {
  const dataDir = resolveDataDir(io.env['SOFTPHONE_DATA_DIR'] || undefined, io.env)
  const file = join(dataDir, BRIDGE_INFO_FILE)
  const start = 'Start it with `npm run serve` (with the same SOFTPHONE_DATA_DIR), then try again.'
  let url: unknown
  try {
    url = (JSON.parse(await readFile(file, 'utf8')) as { url?: unknown }).url
  } catch {
    throw new NoHubError(`No hub is running with the data folder ${dataDir}. ${start}`)
  }
  if (typeof url !== 'string') throw new NoHubError(`${file} is not a hub's bridge file. ${start}`)
  try {
    return await (io.connect ?? connectBridge)(url)
  } catch {
    // bridge.json outlives a hub that was killed: nothing answers at its address then.
    throw new NoHubError(`No hub answers at the address in ${file}. ${start}`)
  }
}

function printInvitation(invitation: DeskInvitation, io: HubCliIo): void {
  io.out(invitation.code)
  const until = new Date(invitation.expiresAt).toLocaleTimeString('en-GB', { timeStyle: 'short' })
  io.err(
    `The line above pairs the desk "${invitation.name}" with this hub, once, until ${until}: ` +
      'give it to that desk, it is all the desk needs.'
  )
}

function printDesks({ desks }: DeskList, io: HubCliIo): void {
  if (desks.length === 0) {
    io.err('No desks are paired with this hub: add one with `npm run hub -- add-desk <name>`.')
    return
  }
  const rows = desks.map((desk) => [
    desk.name,
    desk.online ? 'online' : 'offline',
    desk.online
      ? 'now'
      : desk.lastSeenAt === undefined
        ? 'not since the hub started'
        : when(desk.lastSeenAt),
    String(desk.answeredToday)
  ])
  const header = ['DESK', 'STATUS', 'LAST SEEN', 'ANSWERED TODAY']
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i]!.length))
  )
  for (const row of [header, ...rows]) {
    io.out(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '))
  }
}

function when(at: number): string {
  return new Date(at).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'short' })
}
