/**
 * A refusal made in an English hub's core keeps its words all the way to a seat's window (issue
 * 15, item 4): the hub's command reply, the seat link's WebSocket frames, the seat's own reply.
 * (tests/renderer/composables/use-words.test.ts shows such a reply worded in Spanish.)
 */
import { describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../../src/main/core/log'
import { checkAccess } from '../../../../src/main/core/service/command-policy'
import { parseRequest } from '../../../../src/main/core/service/parse-command'
import { serveCommand } from '../../../../src/main/core/service/serve-command'
import { refusedOnSeat } from '../../../../src/main/core/seat/seat-routes'
import { createBridgeClient, type SocketLike } from '../../../../src/shared/bridge-client'
import type { ReplyFrame } from '../../../../src/shared/command-protocol'
import { ServiceError } from '../../../../src/shared/service-error'

const client = { id: 'seat-1', send: () => undefined }
const ignore = (): void => undefined
const frame = () => ({ command: 'hangUp', request: { callId: 'c_1' } })

/** The hub's command reply, as the seat link's WebSocket carries it to the seat's core. */
async function throughSeatLink(reply: ReplyFrame): Promise<unknown> {
  let receive: (event: { data: unknown }) => void = ignore
  const socket: SocketLike = {
    readyState: 1,
    send: (data) => {
      const { id } = JSON.parse(data) as { id: number }
      queueMicrotask(() => receive({ data: JSON.stringify({ type: 'response', id, ...reply }) }))
    },
    close: ignore,
    addEventListener: ((type: string, listener: (event: { data: unknown }) => void) => {
      if (type === 'message') receive = listener
    }) as SocketLike['addEventListener']
  }
  return createBridgeClient(socket)
    .api.hangUp({ callId: 'c_1' })
    .catch((error: unknown) => error)
}

/** From the hub core's throw to the reply the seat sends its own window. */
async function seatReplyTo(thrown: () => never): Promise<ReplyFrame> {
  const log = memoryLogger()
  const hubReply = await serveCommand({ dispatch: async () => thrown() }, client, frame(), log)
  const atSeat = await throughSeatLink(hubReply)
  expect(atSeat).toBeInstanceOf(ServiceError)
  const rethrow = async (): Promise<never> => {
    throw atSeat
  }
  return serveCommand({ dispatch: rethrow }, client, frame(), log)
}

describe('a hub refusal on its way to a seat window', () => {
  it.each([
    [
      'a command the seat may not run',
      () => checkAccess('removePage', 'seat', () => ({ seats: { mayCallBack: false } as never })),
      {
        code: 'forbidden',
        message: 'Only the desk that holds the Page can see or change this.',
        words: { key: 'service.ownerOnly' }
      }
    ],
    [
      'a request that is not valid, naming the field',
      () => parseRequest('accept', { callId: 'c_1', sdp: 42 }),
      {
        code: 'invalid-request',
        message: 'The accept request is not valid (sdp).',
        words: { key: 'service.invalidRequestField', params: { command: 'accept', field: 'sdp' } }
      }
    ],
    [
      'a refusal naming the hub',
      () => {
        throw refusedOnSeat('Front desk', 'page')
      },
      {
        code: 'forbidden',
        message: 'This desk is a seat of Front desk; change the Page on the hub.',
        words: { key: 'seat.refused.page', params: { hub: 'Front desk' } }
      }
    ]
  ])('%s keeps its code, its English and its words', async (_name, thrower, error) => {
    expect(await seatReplyTo(thrower as () => never)).toEqual({ ok: false, error })
  })
})
