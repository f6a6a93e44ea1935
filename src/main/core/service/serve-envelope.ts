/**
 * The bridge's envelopes (shared/command-protocol.ts) around serveCommand, for the transports that
 * carry them as JSON text: the loopback WebSocket bridge and the seat link. The envelope pairs a
 * reply with its request; the frame inside is checked by serveCommand, as over IPC.
 */
import type { BridgeReply } from '../../../shared/command-protocol'
import { BridgeEnvelopeSchema } from '../../../shared/command-protocol-schemas'
import type { Logger } from '../log'
import { serveCommand, type CommandRunner } from './serve-command'
import type { ClientHandle } from './softphone-service'

/**
 * Serves one request envelope; resolves with the reply to send back. Undefined (at once) when the
 * text is not a request envelope: without an id there is no one to reply to, the client is broken
 * or hostile, and the transport closes its connection.
 */
export function serveEnvelope(
  service: CommandRunner,
  client: ClientHandle,
  text: string,
  log: Logger
): Promise<BridgeReply> | undefined {
  let frame: unknown
  try {
    frame = JSON.parse(text)
  } catch {
    frame = undefined
  }
  const envelope = BridgeEnvelopeSchema.safeParse(frame)
  if (!envelope.success) {
    log.warn('refused a frame without an envelope', { client: client.id })
    return undefined
  }
  const { id, command, request } = envelope.data
  return serveCommand(service, client, { command, request }, log).then((reply) => ({
    type: 'response',
    id,
    ...reply
  }))
}
