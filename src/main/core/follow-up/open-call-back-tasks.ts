/**
 * The To call back list as the core starts it: read from the data folder and fed by its sources
 * (./call-back-tasks-wiring): the follow-up port's missed calls and reply outcomes among them.
 */
import type { Logger } from '../log'
import { CallBackTasks } from './call-back-tasks'
import { wireCallBackTasks, type CallBackTaskSources } from './call-back-tasks-wiring'

export interface OpenedCallBackTasks {
  tasks: CallBackTasks
  /** Stops listening and lets the last write finish. */
  close(): Promise<void>
}

export async function openCallBackTasks(
  dataDir: string,
  sources: CallBackTaskSources,
  logger: Logger
): Promise<OpenedCallBackTasks> {
  const tasks = await CallBackTasks.open(dataDir, { logger })
  const unwire = wireCallBackTasks(tasks, sources)
  return {
    tasks,
    async close() {
      unwire()
      tasks.dispose()
      await tasks.settled()
    }
  }
}
