/**
 * The business-hours commands (issue 16, item 1): the hours are saved in the hub's settings and
 * published as the Page's `call_hours`; reading them back shows whether Facebook has the same.
 */
import type { BusinessHours, BusinessHoursView } from '../../../shared/business-hours'
import { sameCallHours } from '../../../shared/call-hours'
import { readCallHours, writeCallHours, type CallSettingsAccess } from '../graph/call-hours-api'
import { toServiceError } from '../graph'
import type { Logger } from '../log'
import type { SettingsPort } from './ports'
import { wordedError } from '../../../shared/words-english'

export interface BusinessHoursDeps {
  settings: Pick<SettingsPort, 'get' | 'update'>
  /** The Page's call settings; throws a ServiceError when no Page is connected. */
  callSettings: () => CallSettingsAccess
  logger: Logger
}

export function businessHoursCommands(deps: BusinessHoursDeps): {
  getBusinessHours: () => Promise<BusinessHoursView>
  saveBusinessHours: (request: { hours: BusinessHours }) => Promise<BusinessHoursView>
} {
  async function view(): Promise<BusinessHoursView> {
    const saved = deps.settings.get().hours.schedule ?? null
    try {
      const page = await readCallHours(deps.callSettings())
      return { saved, page, differs: !sameCallHours(saved, page) }
    } catch (error) {
      // The saved hours still show; the sentence says why the Page's could not be read.
      const failure = toServiceError(error)
      deps.logger.warn('could not read the Page call hours', { error: failure.message })
      return { saved, page: null, differs: saved !== null, pageError: failure.message }
    }
  }

  return {
    getBusinessHours: view,
    async saveBusinessHours({ hours }) {
      await deps.settings.update({ hours: { schedule: hours } })
      try {
        await writeCallHours(deps.callSettings(), hours)
      } catch (error) {
        const failure = toServiceError(error)
        deps.logger.warn('could not publish the business hours', { error: failure.message })
        // Calls outside the hours already follow the saved ones; only Messenger shows the old.
        throw wordedError(failure.code, 'service.hoursNotPublished', {
          reason: failure.words ?? failure.message
        })
      }
      deps.logger.info('business hours published to the Page')
      return view()
    }
  }
}
