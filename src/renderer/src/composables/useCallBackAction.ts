/**
 * "Call back" on a history entry, wherever entries are listed (History, the home screen): when it
 * is offered, and what it does (opens the call-back panel for the caller).
 */
import type { HistoryRecord } from '../../../shared/calls'
import { useCallBackStore } from '../stores/call-back'
import { useHistoryStore } from '../stores/history'
import { useSettingsStore } from '../stores/settings'

export function useCallBackAction(): {
  canCallBack: (record: HistoryRecord) => boolean
  callBack: (record: HistoryRecord) => void
} {
  const settings = useSettingsStore()
  const store = useCallBackStore()
  const history = useHistoryStore()
  return {
    // A known person who called the Page connected now: not a test call, not a Page of before.
    canCallBack: (record) => {
      const page = settings.status?.page
      return (
        record.caller.psid !== '' &&
        page?.configured === true &&
        (page.pageId === undefined || page.pageId === record.pageId)
      )
    },
    // With the photo History already has, so the panel shows the same face as the list.
    callBack: (record) => void store.open(history.withPhoto(record.caller))
  }
}
