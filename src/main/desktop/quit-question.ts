/**
 * Issue #13 item 8: a desk asked to quit while calls are in progress says how many would end and
 * asks first. A hub's quit ends every call of its desks (its graceful stop ends them with Meta); a
 * seat's quit ends only the audio of the calls answered on this desk, whose customers are then
 * cut off, so a seat asks about those alone.
 */
import type { MessageBoxOptions, MessageBoxReturnValue } from 'electron'
import type { Call } from '../../shared/calls'
import type { Translate } from '../../shared/i18n/translate'
import type { Logger } from '../core/log'
import type { ClientHandle } from '../core/service/softphone-service'
import { ask, type DeskServicePort } from './desk-service-port'

export const QUIT_CLIENT_ID = 'quit-question'
/** The box's buttons, in their order (`response` is the index). */
export const quitButtons = (t: Translate): string[] => [
  t('shell.quit.quitAndEnd'),
  t('shell.quit.keepRunning')
]
const QUIT = 0
const KEEP_RUNNING = 1

export type InProgressCall = Extract<Call, { state: 'answering' | 'connected' }>

/** Where the calls are that quitting would end. */
export type QuittingDesk =
  /** A hub: every desk's calls end. */
  | { role: 'hub' }
  /**
   * A seat: the calls its own windows carry. The hub names the answering client by ids that may
   * equal this desk's own (`window-1` on both), so a call answered by the hub's own desk (its
   * name in `answeredByDesk`) is not ours even then; see core/seat/answered-here for how the
   * seat gives its own windows' ids back to their calls.
   */
  | { role: 'seat'; hubName: string; ownClient: (clientId: string) => boolean }

export function inProgress(call: Call): call is InProgressCall {
  return call.state === 'answering' || call.state === 'connected'
}

export function callsEndedByQuitting(calls: readonly Call[], desk: QuittingDesk): InProgressCall[] {
  // A test call's other end is the built-in simulator: no customer is cut off.
  const live = calls.filter(inProgress).filter((call) => call.test !== true)
  if (desk.role === 'hub') return live
  return live.filter(
    (call) => desk.ownClient(call.answeredBy) && call.answeredByDesk !== desk.hubName
  )
}

/** The question's sentence, or undefined when quitting ends no call. */
export function quitSentence(
  count: number,
  role: QuittingDesk['role'],
  t: Translate
): string | undefined {
  if (count <= 0) return undefined
  if (role === 'hub')
    return count === 1 ? t('shell.quit.hubOne') : t('shell.quit.hubMany', { count })
  return count === 1 ? t('shell.quit.seatOne') : t('shell.quit.seatMany', { count })
}

export interface QuitQuestionDeps {
  service: DeskServicePort
  /** Whether a client id names one of this desk's own windows (a seat asks about their calls). */
  ownClient: (clientId: string) => boolean
  /** Shows the box (modal to the main window when it exists); resolves with the button index. */
  showBox: (options: MessageBoxOptions) => Promise<Pick<MessageBoxReturnValue, 'response'>>
  log: Logger
  /** The desk's language when the question is asked. */
  t: Translate
}

export interface QuitQuestion {
  /** For QuitPath.askFirst: true when no call would end or the person chose to quit. */
  ask(): Promise<boolean>
  dispose(): void
}

export function startQuitQuestion(deps: QuitQuestionDeps): QuitQuestion {
  /** The calls as last heard, for when the service cannot list them (a seat's hub offline). */
  const heard = new Map<string, Call>()
  const client: ClientHandle = {
    id: QUIT_CLIENT_ID,
    send: (message) => {
      if (message.event !== 'callUpdated') return
      if (message.payload.state === 'ended') heard.delete(message.payload.id)
      else heard.set(message.payload.id, message.payload)
    }
  }
  const detach = deps.service.attach(client)

  const desk = async (): Promise<QuittingDesk> => {
    const { hub } = await ask(deps.service, 'getStatus', {}, client)
    return hub ? { role: 'seat', hubName: hub.name, ownClient: deps.ownClient } : { role: 'hub' }
  }
  const calls = (): Promise<Call[]> =>
    ask(deps.service, 'listCalls', {}, client).catch((error: unknown) => {
      deps.log.warn('the calls could not be listed before quitting: using the last heard', {
        error
      })
      return [...heard.values()]
    })

  return {
    async ask() {
      const [where, now] = await Promise.all([desk(), calls()])
      const message = quitSentence(callsEndedByQuitting(now, where).length, where.role, deps.t)
      if (message === undefined) return true
      const { response } = await deps.showBox({
        type: 'warning',
        title: deps.t('shell.quit.title'),
        message,
        buttons: quitButtons(deps.t),
        // Electron's MessageBoxOptions: `defaultId` is the button "selected by default"; without
        // `cancelId`, Esc answers 0 ("Quit and end calls") when no button is labelled cancel or no.
        defaultId: KEEP_RUNNING,
        cancelId: KEEP_RUNNING,
        // Electron's `noLink`: Windows would otherwise show unrecognised buttons as command links.
        noLink: true
      })
      return response === QUIT
    },
    dispose: detach
  }
}
