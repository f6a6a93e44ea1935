/**
 * A command as a client sent it, checked against the contract: its name one the contract has, its
 * request what that command's schema accepts. Requests are untrusted (they crossed IPC or a
 * socket); every service validates them here, once, for every transport.
 */
import {
  commandRequests,
  ServiceError,
  type CommandName,
  type ParsedCommandRequest
} from '../../../shared/api'

export interface ParsedCommand<K extends CommandName = CommandName> {
  command: K
  request: ParsedCommandRequest<K>
}

export function parseCommand(name: string, request: unknown): ParsedCommand {
  if (!Object.hasOwn(commandRequests, name)) {
    throw new ServiceError('invalid-request', `Unknown command "${name.slice(0, 64)}".`)
  }
  const command = name as CommandName
  const parsed = commandRequests[command].safeParse(request ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : ''
    throw new ServiceError('invalid-request', `The ${command} request is not valid${where}.`)
  }
  return { command, request: parsed.data as ParsedCommandRequest<CommandName> }
}
