import { useI18n } from 'vue-i18n'
import { wordNotice, type NoticeText } from '../stores/call-notices'
import { useWords } from './useWords'

/** A notice in the desk's language: the app's own words looked up, a service's sentence worded. */
export function useNoticeText(): (text: NoticeText) => string {
  const { t } = useI18n()
  const { describe } = useWords()
  return (text) => wordNotice(text, t, describe)
}
