/**
 * The To call back list as the core starts it: read from the data folder and fed by its sources
 * (./call-back-tasks-wiring). Until the follow-up port is composed, missed calls come from the
 * registry's endings (./missed-from-registry); pass the port as `followUp` to use it instead.
 */
import type { Logger } from '../log'
import { CallBackTasks } from './call-back-tasks'
import { wireCallBackTasks, type CallBackTaskSources } from './call-back-tasks-wiring'
import { missedFromRegistry } from './missed-from-registry'

export interface OpenedCallBackTasks {
  tasks: CallBackTasks
  /** Stops listening and lets the last write finish. */
  close(): Promise<void>
}

export async function openCallBackTasks(
  dataDir: string,
  sources: Omit<CallBackTaskSources, 'followUp'> & Partial<Pick<CallBackTaskSources, 'followUp'>>,
  logger: Logger
): Promise<OpenedCallBackTasks> {
  const tasks = await CallBackTasks.open(dataDir, { logger })
  const unwire = wireCallBackTasks(tasks, {
    ...sources,
    followUp: sources.followUp ?? missedFromRegistry(sources.registry)
  })
  return {
    tasks,
    async close() {
      unwire()
      tasks.dispose()
      await tasks.settled()
    }
  }
}
