/**
 * The one place a command frame becomes a reply, for every transport (Electron IPC, the WebSocket
 * bridge, later the seat link). A transport decides who the client is and carries bytes; what a
 * frame may be, and what a failure looks like to the user, is decided here.
 */
import {
  COMMAND_LIMITS,
  failedReply,
  INVALID_FRAME,
  type CommandFrame,
  type ReplyFrame
} from '../../../shared/command-protocol'
import { CommandFrameSchema } from '../../../shared/command-protocol-schemas'
import type { Logger } from '../log'
import { toServiceError } from './errors'
import type { ClientHandle } from './softphone-service'

/** The part of the service a transport serves. */
export interface CommandRunner {
  dispatch(name: string, request: unknown, client: ClientHandle): Promise<unknown>
}

/** The frame's size as JSON; undefined when it has no JSON form (a cycle, a BigInt over IPC). */
function jsonBytes(frame: unknown): number | undefined {
  try {
    const json = JSON.stringify(frame)
    return json === undefined ? undefined : Buffer.byteLength(json)
  } catch {
    return undefined
  }
}

function readFrame(frame: unknown): CommandFrame | undefined {
  const bytes = jsonBytes(frame)
  if (bytes === undefined || bytes > COMMAND_LIMITS.frameBytes) return undefined
  const parsed = CommandFrameSchema.safeParse(frame)
  return parsed.success ? { command: parsed.data.command, request: parsed.data.request } : undefined
}

/**
 * Runs one command frame for a client and returns the reply; never throws. A `ServiceError` (or
 * anything that explains itself as one) keeps its code and sentence; anything else is logged here,
 * once, and the client gets only a generic sentence.
 */
export async function serveCommand(
  service: CommandRunner,
  client: ClientHandle,
  frame: unknown,
  log: Logger
): Promise<ReplyFrame> {
  const command = readFrame(frame)
  if (!command) {
    log.warn('refused a malformed command', { client: client.id })
    return failedReply(INVALID_FRAME)
  }
  try {
    return { ok: true, result: await service.dispatch(command.command, command.request, client) }
  } catch (error) {
    const failure = toServiceError(error)
    if (failure.code === 'internal') {
      log.error('a command failed', { command: command.command, client: client.id, error })
    }
    return failedReply(failure)
  }
}
