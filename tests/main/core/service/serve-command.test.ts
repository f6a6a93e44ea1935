import { describe, expect, it, vi } from 'vitest'
import { ServiceError } from '../../../../src/shared/api'
import {
  COMMAND_LIMITS,
  INTERNAL_FAILURE,
  INVALID_FRAME
} from '../../../../src/shared/command-protocol'
import { memoryLogger } from '../../../../src/main/core/log'
import { serveCommand } from '../../../../src/main/core/service/serve-command'
import type { ClientHandle } from '../../../../src/main/core/service/softphone-service'

const client: ClientHandle = { id: 'client-1', send: () => undefined }
/** Looks like a Meta token, which the logger masks wherever it appears. */
const TOKEN = `EAAB${'x7'.repeat(20)}`

function runner(outcome: (name: string) => unknown) {
  return { dispatch: vi.fn(async (name: string) => outcome(name)) }
}

describe('serveCommand', () => {
  it('runs a command frame for the client and replies with the result', async () => {
    const service = runner((name) => ({ ran: name }))
    const reply = await serveCommand(
      service,
      client,
      { command: 'hangUp', request: { callId: 'c_1' } },
      memoryLogger()
    )
    expect(reply).toEqual({ ok: true, result: { ran: 'hangUp' } })
    expect(service.dispatch).toHaveBeenCalledWith('hangUp', { callId: 'c_1' }, client)
  })

  it.each([
    ['nothing', undefined],
    ['a string', 'hello'],
    ['an array', ['hello', {}]],
    ['no command', { request: {} }],
    ['a numeric command', { command: 42, request: {} }],
    ['an empty command', { command: '', request: {} }],
    ['an oversized command name', { command: 'x'.repeat(COMMAND_LIMITS.nameChars + 1) }],
    [
      'a frame over the size limit',
      { command: 'x', request: 'y'.repeat(COMMAND_LIMITS.frameBytes) }
    ],
    ['a frame with no JSON form', { command: 'x', request: 10n }]
  ])('refuses %s with the invalid-frame sentence, and never runs it', async (_name, frame) => {
    const service = runner(() => 'ran')
    const log = memoryLogger()
    const reply = await serveCommand(service, client, frame, log)
    expect(reply).toEqual({ ok: false, error: INVALID_FRAME })
    expect(service.dispatch).not.toHaveBeenCalled()
    expect(log.entries.map((entry) => entry.message)).toEqual(['refused a malformed command'])
  })

  it('refuses a frame that holds itself (structured clone allows it, JSON does not)', async () => {
    const request: Record<string, unknown> = {}
    request.self = request
    const service = runner(() => 'ran')
    const reply = await serveCommand(service, client, { command: 'x', request }, memoryLogger())
    expect(reply).toEqual({ ok: false, error: INVALID_FRAME })
  })

  it('counts the limit in bytes, not characters', async () => {
    // Three bytes a character in UTF-8: within the limit as characters, over it as bytes.
    const request = '€'.repeat(Math.ceil(COMMAND_LIMITS.frameBytes / 3))
    const reply = await serveCommand(
      runner(() => 'ran'),
      client,
      { command: 'x', request },
      memoryLogger()
    )
    expect(reply).toEqual({ ok: false, error: INVALID_FRAME })
  })

  it('replies to a service error with its code and sentence only, and logs nothing', async () => {
    const log = memoryLogger()
    const reply = await serveCommand(
      runner(() => {
        throw Object.assign(new ServiceError('conflict', 'Answered on another desk.'), {
          callId: 'c_1'
        })
      }),
      client,
      { command: 'accept', request: {} },
      log
    )
    expect(reply).toStrictEqual({
      ok: false,
      error: { code: 'conflict', message: 'Answered on another desk.' }
    })
    expect(log.entries).toEqual([])
  })

  it('lets an error that explains itself choose the sentence', async () => {
    const explained = {
      toServiceError: () => new ServiceError('graph', 'Meta refused the token. Reconnect.')
    }
    const reply = await serveCommand(
      runner(() => Promise.reject(explained)),
      client,
      { command: 'accept', request: {} },
      memoryLogger()
    )
    expect(reply).toEqual({
      ok: false,
      error: { code: 'graph', message: 'Meta refused the token. Reconnect.' }
    })
  })

  it('logs an unexpected error once, with the command, and replies with the generic sentence', async () => {
    const log = memoryLogger()
    const reply = await serveCommand(
      runner(() => {
        throw new Error(`EACCES /home/ada/.config access_token=${TOKEN}`)
      }),
      client,
      { command: 'listHistory', request: {} },
      log
    )
    expect(reply).toEqual({ ok: false, error: INTERNAL_FAILURE })
    expect(log.entries).toHaveLength(1)
    expect(log.entries[0]).toMatchObject({
      level: 'error',
      message: 'a command failed',
      fields: { command: 'listHistory', client: 'client-1' }
    })
    expect(String(log.entries[0]?.fields.error)).toContain('EACCES')
    expect(JSON.stringify(log.entries)).not.toContain(TOKEN)
    expect(JSON.stringify(reply)).not.toContain('EACCES')
  })
})
