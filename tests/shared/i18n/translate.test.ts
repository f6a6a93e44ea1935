import { describe, expect, it } from 'vitest'
import { compileMessage } from '../../../src/shared/i18n/compile-message'
import { formatMessage } from '../../../src/shared/i18n/format-message'
import { resolveLanguage, systemLanguage } from '../../../src/shared/i18n/languages'
import { translator, type MessageKey } from '../../../src/shared/i18n/translate'

describe('formatMessage: the catalogue syntax outside vue-i18n', () => {
  it('fills named placeholders, as often as they appear', () => {
    expect(formatMessage('{a} and {b}, {a} again', { a: 'x', b: 2 })).toBe('x and 2, x again')
  })

  it('leaves text without placeholders, and a missing param, as written', () => {
    expect(formatMessage('Quit')).toBe('Quit')
    expect(formatMessage('Open {app}', {})).toBe('Open {app}')
  })

  it('reads a message as the windows’ compiler does', () => {
    const text = 'Answer within {seconds} s ({who})'
    const compile = compileMessage as unknown as (
      message: string,
      options: { key: string }
    ) => (ctx: { named: (name: string) => unknown }) => string
    const named: Record<string, string | number> = { seconds: 12, who: 'Ada' }
    expect(compile(text, { key: 'k' })({ named: (name) => named[name] })).toBe(
      formatMessage(text, named)
    )
  })
})

describe('translator: the main process’s reading of the catalogues', () => {
  it('words a key in each language, with its params', () => {
    expect(translator('en')('shell.tray.open', { app: 'Softphone' })).toBe('Open Softphone')
    expect(translator('es')('shell.tray.open', { app: 'Softphone' })).toBe('Abrir Softphone')
    expect(translator('es')('calls.unknownCaller')).toBe('Cliente de Messenger')
  })

  it('answers the key itself for a path that names no text (a type error in code)', () => {
    expect(translator('es')('shell.tray' as MessageKey)).toBe('shell.tray')
  })
})

describe('the desk’s language, shared by the windows and main', () => {
  it('reads POSIX locales as Linux lists them, skipping "C"', () => {
    expect(systemLanguage(['C', 'es_MX.UTF-8', 'en_US'])).toBe('es')
    expect(systemLanguage(['es@euro'])).toBe('es')
    expect(systemLanguage(['C', 'POSIX'])).toBe('en')
  })

  it('is the choice when one was made', () => {
    expect(resolveLanguage('en', ['es-ES'])).toBe('en')
    expect(resolveLanguage('system', ['fr', 'es-ES'])).toBe('es')
  })
})
