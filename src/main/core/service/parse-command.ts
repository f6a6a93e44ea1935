/**
 * A command as a client sent it, checked against the contract: its name one the contract has, its
 * request what that command's schema accepts. Requests are untrusted (they crossed IPC or a
 * socket); every service validates them here, once, for every transport.
 */
import { commandRequests, type CommandName, type ParsedCommandRequest } from '../../../shared/api'
import { COMMAND_LIMITS } from '../../../shared/command-protocol'
import { wordedError } from '../../../shared/words-english'

export interface ParsedCommand<K extends CommandName = CommandName> {
  command: K
  request: ParsedCommandRequest<K>
}

/** The contract's name for this command, or a refusal naming what was sent. */
export function commandNamed(name: string): CommandName {
  if (!Object.hasOwn(commandRequests, name)) {
    throw wordedError('invalid-request', 'service.unknownCommand', {
      command: name.slice(0, COMMAND_LIMITS.nameChars)
    })
  }
  return name as CommandName
}

/** The request as the command's schema reads it, or a refusal naming the field at fault. */
export function parseRequest<K extends CommandName>(
  command: K,
  request: unknown
): ParsedCommandRequest<K> {
  const parsed = commandRequests[command].safeParse(request ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    if (issue && issue.path.length > 0) {
      const field = issue.path.join('.')
      throw wordedError('invalid-request', 'service.invalidRequestField', { command, field })
    }
    throw wordedError('invalid-request', 'service.invalidRequest', { command })
  }
  return parsed.data as ParsedCommandRequest<K>
}

export function parseCommand(name: string, request: unknown): ParsedCommand {
  const command = commandNamed(name)
  return { command, request: parseRequest(command, request) }
}
