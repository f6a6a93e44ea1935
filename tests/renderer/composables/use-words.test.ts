/**
 * A sentence made in core reaches the screen in the desk's language (issue 15, item 4): a
 * refusal thrown by an English hub crosses its command reply, the seat link's WebSocket frames,
 * the seat's own reply and the preload, and a Spanish seat shows it in Spanish. A sentence
 * without words (an older hub) still shows, in its English.
 */
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../src/main/core/log'
import { checkAccess } from '../../../src/main/core/service/command-policy'
import { parseRequest } from '../../../src/main/core/service/parse-command'
import { serveCommand } from '../../../src/main/core/service/serve-command'
import { refusedOnSeat } from '../../../src/main/core/seat/seat-routes'
import { createBridgeClient, type SocketLike } from '../../../src/shared/bridge-client'
import type { ReplyFrame } from '../../../src/shared/command-protocol'
import { asServiceError, serviceFailure, ServiceError } from '../../../src/shared/service-error'
import FieldError from '../../../src/renderer/src/components/settings/FieldError.vue'
import { saidOf, type Said } from '../../../src/renderer/src/composables/useWords'
import { testI18n } from '../support/renderer-setup'

const client = { id: 'seat-1', send: () => undefined }
const ignore = (): void => undefined

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

/** From a core's throw to what the renderer's store keeps, through every transport between. */
async function shownOnSeat(thrown: () => never): Promise<Said> {
  const log = memoryLogger()
  const hubReply = await serveCommand({ dispatch: async () => thrown() }, client, frame(), log)
  const atSeat = await throughSeatLink(hubReply)
  expect(atSeat).toBeInstanceOf(ServiceError)
  const seatReply = await serveCommand(
    {
      dispatch: async () => {
        throw atSeat
      }
    },
    client,
    frame(),
    log
  )
  if (seatReply.ok) throw new Error('the seat replied ok')
  // The preload rejects with plain data; services/softphone.ts makes it a ServiceError again.
  const inWindow = asServiceError(structuredClone(serviceFailure(seatReply.error)))
  return saidOf(inWindow)
}

const frame = () => ({ command: 'hangUp', request: { callId: 'c_1' } })

function shown(message: Said): string {
  return mount(FieldError, { props: { message } }).text()
}

describe('a core sentence on a Spanish seat of an English hub', () => {
  it.each([
    [
      'a command the seat may not run',
      () => checkAccess('removePage', 'seat', () => ({ seats: { mayCallBack: false } as never })),
      'Only the desk that holds the Page can see or change this.',
      'Solo el puesto que tiene la Página puede ver o cambiar esto.'
    ],
    [
      'a request that is not valid, naming the field',
      () => parseRequest('accept', { callId: 'c_1', sdp: 42 }),
      'The accept request is not valid (sdp).',
      'La petición accept no es válida (sdp).'
    ],
    [
      'a refusal naming the hub',
      () => {
        throw refusedOnSeat('Front desk', 'page')
      },
      'This desk is a seat of Front desk; change the Page on the hub.',
      'Este puesto es un puesto de Front desk; cambie la Página en el hub.'
    ]
  ])('%s', async (_name, thrower, english, spanish) => {
    const said = await shownOnSeat(thrower as () => never)
    expect(typeof said === 'object' && said.message).toBe(english)
    expect(shown(said)).toBe(english)
    testI18n.global.locale.value = 'es'
    expect(shown(said)).toBe(spanish)
  })

  it('words a sentence built around another one in the same language', () => {
    const said = saidOf(
      new ServiceError('graph', 'english', {
        key: 'service.hoursNotPublished',
        params: { reason: { key: 'network.offline' } }
      })
    )
    testI18n.global.locale.value = 'es'
    expect(shown(said)).toBe(
      'El horario se guardó en esta aplicación, pero no en la Página. No se puede llegar a Facebook: este equipo no tiene conexión; revise la conexión a internet.'
    )
  })

  it('shows the English message of a sentence without words, or with words it does not know', () => {
    testI18n.global.locale.value = 'es'
    expect(shown(saidOf(new ServiceError('internal', 'Hub says no.')))).toBe('Hub says no.')
    const unknown = { key: 'service.fromTheFuture', params: {} }
    const fromNewerHub = asServiceError({ code: 'conflict', message: 'Newer.', words: unknown })
    expect(shown(saidOf(fromNewerHub))).toBe('Newer.')
  })
})
