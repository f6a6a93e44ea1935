import { describe, expect, it } from 'vitest'
import { createAppI18n, resolveLanguage, systemLanguage } from '../../../src/renderer/src/i18n'

describe('the desk’s language', () => {
  it('follows the first of the system’s languages the app speaks', () => {
    expect(systemLanguage(['es-MX', 'en-US'])).toBe('es')
    expect(systemLanguage(['fr-FR', 'es', 'en'])).toBe('es')
    expect(systemLanguage(['EN-gb'])).toBe('en')
  })

  it('is English when the system speaks none of the app’s languages', () => {
    expect(systemLanguage(['fr-FR', 'de'])).toBe('en')
    expect(systemLanguage([])).toBe('en')
  })

  it('is the one Settings chose, whatever the system speaks', () => {
    expect(resolveLanguage('es', ['en-US'])).toBe('es')
    expect(resolveLanguage('en', ['es-ES'])).toBe('en')
    expect(resolveLanguage('system', ['es-ES'])).toBe('es')
  })

  it('words messages with their placeholders filled in', () => {
    const { t } = createAppI18n('es').global
    expect(t('calls.toast.answerWithin', { seconds: 12 })).toBe('Conteste en 12 s')
    expect(t('calls.toast.answer')).toBe('Contestar')
  })
})
