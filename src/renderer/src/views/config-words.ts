import type { Language } from '../i18n'

const CONFIG = {
  en: () => import('../../../shared/i18n/en/errors-config'),
  es: () => import('../../../shared/i18n/es/errors-config')
}

/**
 * The sentences about pastes, secrets and the data files (errors.config), which only Page setup,
 * Settings and History show: each loads them with its own words, not at start.
 */
export async function configWords(language: Language) {
  return (await CONFIG[language]()).default
}
