/**
 * The unseen missed-call count in the page title: "(2) Messenger Softphone", in the desk's
 * language. The desktop window takes its title from the page, so this is the count on the Windows
 * taskbar (which has no badge Electron can set) and on a browser tab.
 */
import { watchEffect } from 'vue'
import { useI18n } from 'vue-i18n'

export function useMissedTitle(unseen: () => number): void {
  const { t } = useI18n()
  watchEffect(() => {
    const count = unseen()
    const name = t('app.name')
    document.title = count > 0 ? t('app.titleWithMissed', { count, name }) : name
  })
}
