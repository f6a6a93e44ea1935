/**
 * One command protocol: the same frames sent over Electron IPC (the real registration, fake Electron
 * underneath) and over the WebSocket bridge (a real socket) to the same real service get the same
 * replies, and an internal failure is logged the same way on both.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import {
  BRIDGE_PATH,
  BRIDGE_TOKEN_PARAM,
  COMMAND_LIMITS,
  INTERNAL_FAILURE,
  INVALID_FRAME,
  type CommandFrame,
  type ReplyFrame
} from '../../../../src/shared/command-protocol'
import { IPC } from '../../../../src/shared/ipc'
import { defaultSettings } from '../../../../src/shared/settings'
import { CallRegistry } from '../../../../src/main/core/calls'
import { memoryLogger } from '../../../../src/main/core/log'
import { attachBridge, type Bridge } from '../../../../src/main/core/bridge/ws-bridge'
import { SoftphoneService } from '../../../../src/main/core/service/softphone-service'
import { registerIpc } from '../../../../src/main/desktop/ipc/register-ipc'
import { WindowClients } from '../../../../src/main/desktop/ipc/window-clients'
import { microphoneAccessCheck } from '../../../../src/main/desktop/microphone-access'
import { createRendererSource } from '../../../../src/main/desktop/windows/renderer-source'
import { emptyHistory, quietServiceDeps } from '../../core/service/service-fixtures'
import {
  FakeIpcMain,
  FakeSystemPreferences,
  FakeWebContents,
  ipcEvent
} from '../../../mocks/electron'

const BRIDGE_TOKEN = 'bridge-token-for-the-protocol-test'
/** Shaped like a Meta token, inside the error the history store throws. */
const LEAKED_TOKEN = `EAAG${'q9'.repeat(24)}`

/** The suite: one frame for each way a command can go. */
const SUITE: [string, CommandFrame][] = [
  ['a valid command', { command: 'getSettings', request: {} }],
  ['an unknown command', { command: 'transfer', request: { callId: 'c_1' } }],
  ['a request failing validation', { command: 'accept', request: { callId: 'c_1' } }],
  ['a service error (conflict)', { command: 'accept', request: { callId: 'c_1', sdp: 'v=0' } }],
  ['an internal error', { command: 'listHistory', request: {} }],
  [
    'an oversized frame',
    { command: 'updateSettings', request: { theme: 'x'.repeat(COMMAND_LIMITS.frameBytes) } }
  ],
  ['an oversized command name', { command: 'x'.repeat(COMMAND_LIMITS.nameChars + 1), request: {} }]
]

const EXPECTED: ReplyFrame[] = [
  { ok: true, result: defaultSettings() },
  {
    ok: false,
    error: {
      code: 'invalid-request',
      message: 'Unknown command "transfer".',
      words: { key: 'service.unknownCommand', params: { command: 'transfer' } }
    }
  },
  {
    ok: false,
    error: {
      code: 'invalid-request',
      message: 'The accept request is not valid (sdp).',
      words: { key: 'service.invalidRequestField', params: { command: 'accept', field: 'sdp' } }
    }
  },
  {
    ok: false,
    error: {
      code: 'conflict',
      message: 'This call was already answered by Front desk.',
      words: { key: 'callState.answeredBy', params: { desk: 'Front desk' } }
    }
  },
  { ok: false, error: INTERNAL_FAILURE },
  { ok: false, error: INVALID_FRAME },
  { ok: false, error: INVALID_FRAME }
]

/** The real service, with a call answered on another desk and a history store that breaks. */
async function realService(): Promise<{ service: SoftphoneService; registry: CallRegistry }> {
  const registry = new CallRegistry({ ringTimeoutMs: 60_000 })
  const service = new SoftphoneService(
    quietServiceDeps(registry, {
      history: {
        ...emptyHistory,
        list: async () => {
          throw new Error(`EACCES: /home/ada/.config/history access_token=${LEAKED_TOKEN}`)
        }
      }
    })
  )
  registry.handleEvent(
    {
      event: 'connect',
      id: 'c_1',
      from: 'psid-1',
      to: 'page-1',
      timestamp: Math.floor(Date.now() / 1000),
      call_direction: 'user_initiated'
    },
    'page-1'
  )
  const otherDesk = {
    id: 'desk-2',
    role: 'seat' as const,
    deskName: 'Front desk',
    send: () => undefined
  }
  await service.dispatch('accept', { callId: 'c_1', sdp: 'v=0' }, otherDesk)
  return { service, registry }
}

describe('the command protocol over IPC and over the WebSocket bridge', () => {
  let service: SoftphoneService
  let registry: CallRegistry
  const ipcLog = memoryLogger()
  const bridgeLog = memoryLogger()
  let ipcMain: FakeIpcMain
  let window: FakeWebContents
  let server: Server
  let bridge: Bridge
  let socket: WebSocket

  beforeAll(async () => {
    ;({ service, registry } = await realService())

    const source = createRendererSource({ rendererDir: '/opt/softphone/out/renderer' })
    ipcMain = new FakeIpcMain()
    const clients = new WindowClients(service)
    window = new FakeWebContents()
    window.mainFrame.url = source.url('index')
    clients.attach(window)
    registerIpc({
      ipcMain,
      service,
      clients,
      isOwnPage: source.isOwnPage,
      forwardCallAction: () => undefined,
      microphone: microphoneAccessCheck(new FakeSystemPreferences(), 'linux'),
      log: ipcLog
    })

    server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    bridge = attachBridge({
      server,
      service,
      token: BRIDGE_TOKEN,
      allowedOrigins: () => [],
      logger: bridgeLog
    })
    socket = new WebSocket(
      `ws://127.0.0.1:${port}${BRIDGE_PATH}?${BRIDGE_TOKEN_PARAM}=${BRIDGE_TOKEN}`
    )
    await new Promise((resolve, reject) => {
      socket.once('open', resolve)
      socket.once('error', reject)
    })
  })

  afterAll(async () => {
    socket.terminate()
    await bridge.close()
    await new Promise<void>((resolve) => server.close(() => resolve()))
    service.dispose()
    registry.dispose()
  })

  async function overIpc(frame: CommandFrame): Promise<unknown> {
    return ipcMain.invoke(IPC.command, ipcEvent(window), frame)
  }

  let nextId = 1
  async function overBridge(frame: CommandFrame): Promise<unknown> {
    const id = nextId++
    const reply = new Promise<unknown>((resolve) => {
      const onMessage = (data: WebSocket.RawData): void => {
        const { type, id: replyTo, ...rest } = JSON.parse(String(data)) as Record<string, unknown>
        if (type !== 'response' || replyTo !== id) return
        socket.off('message', onMessage)
        resolve(rest)
      }
      socket.on('message', onMessage)
    })
    socket.send(JSON.stringify({ type: 'request', id, ...frame }))
    return reply
  }

  it('gives the same reply on both transports, the one the protocol defines', async () => {
    const ipcReplies: unknown[] = []
    const bridgeReplies: unknown[] = []
    for (const [, frame] of SUITE) {
      ipcReplies.push(await overIpc(frame))
      bridgeReplies.push(await overBridge(frame))
    }
    expect(bridgeReplies).toEqual(ipcReplies)
    expect(ipcReplies).toEqual(EXPECTED)
    // The bridge is still open: no frame of the suite cost the client its connection.
    expect(socket.readyState).toBe(WebSocket.OPEN)
  })

  it.each([
    ['IPC', overIpc, ipcLog],
    ['the WebSocket bridge', overBridge, bridgeLog]
  ] as const)(
    'logs an internal error once over %s, with the command and no secret',
    async (_name, send, log) => {
      log.entries.length = 0
      const reply = await send({ command: 'listHistory', request: {} })
      expect(reply).toEqual({ ok: false, error: INTERNAL_FAILURE })
      const failures = log.entries.filter((entry) => entry.level === 'error')
      expect(failures).toHaveLength(1)
      expect(failures[0]).toMatchObject({
        message: 'a command failed',
        fields: { command: 'listHistory' }
      })
      // The detail stays in the log (that is what it is for), the secret does not.
      expect(String(failures[0]?.fields.error)).toContain('EACCES')
      expect(JSON.stringify(log.entries)).not.toContain(LEAKED_TOKEN)
    }
  )
})
