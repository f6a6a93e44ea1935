import { useI18n } from 'vue-i18n'
import { formatAgo } from './format'

/** "5 minutes ago", "hace 5 minutos": formatAgo in the desk's language, with its "just now". */
export function useAgo(): (at: number, now?: number) => string {
  const { t, locale } = useI18n()
  return (at, now = Date.now()) => formatAgo(at, now, locale.value, t('history.ago.justNow'))
}
