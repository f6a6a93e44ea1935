export {
  HISTORY_FILE,
  HistoryStore,
  type HistoryPatch,
  type HistoryQuery,
  type HistoryStoreOptions
} from './store'
export {
  HistoryRecordError,
  storedRecordSchema,
  type HistoryInput,
  type StoredHistoryRecord
} from './record'
export { DeskSeen } from './desk-seen'
export { SEEN_MARKS_FILE, SeenMarks, type SeenMarksOptions } from './seen-marks'
