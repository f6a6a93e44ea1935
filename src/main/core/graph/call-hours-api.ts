/**
 * The Page's business hours on Facebook: written to and read back from `messenger_call_settings`
 * `call_hours` (shapes and sources: docs/graph-call-settings.md). A refused shape comes back as a
 * sentence that names the hours, not Graph's parameter path alone.
 */
import type { BusinessHours } from '../../../shared/business-hours'
import { fromCallHours, toCallHours } from '../../../shared/call-hours'
import type { CallSettings } from '../../../shared/graph'
import { words } from '../../../shared/words'
import { GraphError, isGraphError } from './errors'

export interface CallSettingsAccess {
  getCallSettings(): Promise<CallSettings>
  updateCallSettings(patch: CallSettings): Promise<void>
}

/** Publishes `hours` as the Page's calling hours, so Messenger shows when the Page takes calls. */
export async function writeCallHours(
  graph: CallSettingsAccess,
  hours: BusinessHours
): Promise<void> {
  try {
    await graph.updateCallSettings({ call_hours: toCallHours(hours) })
  } catch (error) {
    throw refusedHours(error)
  }
}

/** The Page's calling hours as Facebook has them; null when the Page publishes none. */
export async function readCallHours(graph: CallSettingsAccess): Promise<BusinessHours | null> {
  const settings = await graph.getCallSettings()
  return settings.call_hours ? fromCallHours(settings.call_hours) : null
}

/** Graph's code 100 (a bad parameter) says which field; the owner needs to know it is the hours. */
function refusedHours(error: unknown): unknown {
  if (!isGraphError(error) || error.kind !== 'other' || error.code !== 100) return error
  const said = error.userWords.params?.['said']
  return new GraphError({
    kind: 'other',
    message: error.message,
    userWords: words('graph.hoursRefused', {
      said: typeof said === 'string' ? said.replace(/\.$/, '') : error.userWords
    }),
    status: error.status,
    code: error.code,
    subcode: error.subcode,
    fbtraceId: error.fbtraceId,
    method: error.method,
    path: error.path
  })
}
