/**
 * The desk-role commands as a hub answers them (SoftphoneService): joining another hub is the
 * desk runtime's (core/desk/desk-runtime), handed in; a seat's "leave" is that seat asking to be
 * removed, which revokes its own key exactly as Remove in the owner's Desks would; the hub's own
 * windows have no hub to leave, and a hub has no past history apart from its history.
 */
import type { CommandResults, ParsedCommandRequest } from '../../../shared/api'
import type { ClientHandle } from '../service/softphone-service'
import type { DesksPort } from '../service/ports'
import { englishWords, wordedError } from '../../../shared/words-english'
import { words } from '../../../shared/words'

type DeskRoleCommand = 'joinHub' | 'leaveHub' | 'listPastHistory'

export type JoinHub = (
  request: ParsedCommandRequest<'joinHub'>
) => Promise<CommandResults['joinHub']>

export const NO_HUB_TO_LEAVE = englishWords(words('desk.noHubToLeave'))

export function hubRoleCommands(
  joinHub: JoinHub | undefined,
  desks: () => DesksPort
): {
  [K in DeskRoleCommand]: (
    request: ParsedCommandRequest<K>,
    client: ClientHandle
  ) => Promise<CommandResults[K]>
} {
  return {
    joinHub: async (request) => {
      if (!joinHub) throw wordedError('not-configured', 'desk.joinUnavailable')
      return joinHub(request)
    },
    leaveHub: async (_request, client) => {
      if (client.role !== 'seat' || client.deskName === undefined) {
        throw wordedError('invalid-request', 'desk.noHubToLeave')
      }
      await desks().remove(client.deskName)
      return { removedAtHub: true }
    },
    listPastHistory: async () => []
  }
}
