/**
 * Tokens and the app secret live in main only. This drives the real app (real core, real webhook
 * listener, fake Electron) through what a renderer can see: every command reply and every event
 * sent to either window, including a ringing call. None of it may hold a secret, in any encoding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COMMAND_NAMES } from '../../../../src/shared/api-names'
import { IPC } from '../../../../src/shared/ipc'
import { ipcEvent } from '../../../mocks/electron'
import { SECRETS, cleanUp, ringCall, startDesktop, type StartedDesktop } from '../desktop-fixtures'

let started: StartedDesktop

beforeAll(async () => {
  started = await startDesktop()
})

afterAll(async () => {
  await cleanUp(started)
})

/** Requests that reach each command's handler; commands with side effects beyond reading are left out. */
const REQUESTS: Partial<Record<(typeof COMMAND_NAMES)[number], unknown>> = {
  hello: {},
  listCalls: {},
  getStatus: {},
  getSettings: {},
  listHistory: {},
  getPageConnection: {},
  turnPassword: {},
  runSetupChecks: {},
  accept: { callId: 'c_secret_scan', sdp: 'v=0\r\n' },
  decline: { callId: 'no-such-call' },
  hangUp: { callId: 'no-such-call' },
  reportMediaFailure: { callId: 'no-such-call', reason: 'test' }
}

function forms(secret: string): string[] {
  return [
    secret,
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('hex'),
    encodeURIComponent(secret)
  ]
}

describe('what crosses to the renderers', () => {
  it('never carries the Page token, the app secret or the verify token', async () => {
    const { electron, app } = started
    const [main, toast] = electron.created.windows
    if (!main || !toast) throw new Error('no windows')
    const replies: unknown[] = []

    for (const command of COMMAND_NAMES) {
      if (!(command in REQUESTS)) continue
      replies.push(
        await electron.ipcMain.invoke(IPC.command, ipcEvent(main.webContents), {
          command,
          request: REQUESTS[command]
        })
      )
    }
    const webhookUrl = app.core.status().webhookUrl
    if (!webhookUrl) throw new Error('not listening')
    await ringCall(webhookUrl, 'c_secret_scan')
    await expect.poll(() => JSON.stringify(main.webContents.sent)).toContain('"state":"ringing"')
    // Accepting reaches Graph (a dead address here): its failure travels back to the renderer too.
    replies.push(
      await electron.ipcMain.invoke(IPC.command, ipcEvent(main.webContents), {
        command: 'accept',
        request: REQUESTS.accept
      })
    )
    replies.push(
      await electron.ipcMain.invoke(IPC.command, ipcEvent(toast.webContents), {
        command: 'hello',
        request: {}
      })
    )

    const seen = JSON.stringify({
      replies,
      main: main.webContents.sent,
      toast: toast.webContents.sent
    })
    // The scan looked at something real: commands answered and the call rang in both windows.
    expect(replies.length).toBeGreaterThanOrEqual(8)
    expect(JSON.stringify(toast.webContents.sent)).toContain('c_secret_scan')
    for (const secret of Object.values(SECRETS)) {
      for (const form of forms(secret)) expect(seen).not.toContain(form)
    }
    expect(seen).not.toMatch(/appsecret_proof|access_token|EAA[A-Za-z0-9]{20,}/)
  })

  it('keeps them out of the log file as well', () => {
    const written = JSON.stringify(started.log.written)
    expect(written.length).toBeGreaterThan(100)
    for (const secret of Object.values(SECRETS)) expect(written).not.toContain(secret)
  })
})
