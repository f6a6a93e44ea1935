/**
 * A desk as `npm run web` starts it (the built core, scripts/run-core.js --web, in its own
 * process, its own data folder), with no SOFTPHONE_HUB: the desk runtime starts it in its stored
 * role, a fresh desk the first time. Its page address is the one line it prints on stdout.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve, waitFor, type Running } from '../../main/serve-process'

export interface DeskProcess {
  dir: string
  running: Running
  pageUrl: string
  /** Stops the process (SIGTERM, then SIGKILL) and deletes its data folder. */
  close(): Promise<void>
}

export async function startDeskProcess(env: Record<string, string> = {}): Promise<DeskProcess> {
  const dir = await mkdtemp(join(tmpdir(), 'softphone-desk-e2e-'))
  const running = serve(
    { SOFTPHONE_DATA_DIR: dir, SOFTPHONE_UI_PORT: '0', WEBHOOK_PORT: '0', ...env },
    ['--web']
  )
  const close = async (): Promise<void> => {
    if (running.child.exitCode === null && running.child.signalCode === null) {
      running.child.kill('SIGTERM')
      const stopped = await Promise.race([
        running.exited.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000))
      ])
      if (!stopped) running.child.kill('SIGKILL')
    }
    await rm(dir, { recursive: true, force: true })
  }
  try {
    await waitFor(() => running.stdout().includes('\n'), 'the desk’s page address', 30_000)
  } catch {
    await close()
    throw new Error(`The desk printed no page address; its log: ${running.stderr()}`)
  }
  return { dir, running, pageUrl: running.stdout().split('\n')[0]!, close }
}
