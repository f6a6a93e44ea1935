import { useI18n } from 'vue-i18n'
import { wordNotice, type NoticeText } from '../stores/call-notices'

/** A notice in the desk's language: the app's own words looked up, a service's sentence as it came. */
export function useNoticeText(): (text: NoticeText) => string {
  const { t } = useI18n()
  return (text) => wordNotice(text, t)
}
