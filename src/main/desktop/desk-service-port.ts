/**
 * What the desktop shell needs of a desk's service: to be a client of it (`attach`, for events)
 * and to ask it things (`dispatch`). A hub's SoftphoneService and a seat's SeatService both fit, so
 * the tray, notifications, badge, toast and quit question work the same on either kind of desk
 * and never reach into a SoftphoneCore (a seat has none).
 */
import type { CommandName, CommandRequest, CommandResults } from '../../shared/api'
import type { ClientHandle, SoftphoneService } from '../core/service/softphone-service'

export type DeskServicePort = Pick<SoftphoneService, 'attach' | 'dispatch'>

/** A command sent as `client`, typed by its name (the service validates the request). */
export async function ask<K extends CommandName>(
  service: Pick<DeskServicePort, 'dispatch'>,
  command: K,
  request: CommandRequest<K>,
  client: ClientHandle
): Promise<CommandResults[K]> {
  return (await service.dispatch(command, request, client)) as CommandResults[K]
}
