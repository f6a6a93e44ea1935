import { mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { useI18n } from 'vue-i18n'
import { describe, expect, it, vi } from 'vitest'
import { useDeskLanguage } from '../../../src/renderer/src/composables/useDeskLanguage'
import {
  createAppI18n,
  resolveLanguage,
  systemLanguage,
  type LanguageChoice
} from '../../../src/renderer/src/i18n'
import { areaWords, createWindowWords } from '../../../src/renderer/src/i18n/window-words'
import { MAIN_WINDOW_WORDS } from '../../../src/renderer/src/i18n/main-window-words'
import { TOAST_WORDS } from '../../../src/renderer/src/i18n/toast-words'
import { words as settingsWords } from '../../../src/renderer/src/views/settings-view'
import { words as setupWords } from '../../../src/renderer/src/views/setup-view'
import { MESSAGES } from '../../../src/shared/i18n/languages'
import { words } from '../../../src/shared/words'
import { useWords } from '../../../src/renderer/src/composables/useWords'

const { en, es } = MESSAGES

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
    const { t } = createAppI18n('es', MESSAGES).global
    expect(t('calls.toast.answerWithin', { seconds: 12 })).toBe('Conteste en 12 s')
    expect(t('calls.toast.answer')).toBe('Contestar')
  })
})

describe('a window’s words, loaded lazily (vue-i18n’s lazy loading)', () => {
  const Host = defineComponent({
    props: { choice: { type: String as () => LanguageChoice | undefined, default: undefined } },
    setup(props) {
      useDeskLanguage(() => props.choice)
      const { t } = useI18n()
      return () => h('p', t('calls.toast.answer'))
    }
  })

  it('starts with one language and loads the other when the desk switches to it', async () => {
    const asked: string[] = []
    const calls = areaWords({
      './en/calls.ts': () => (asked.push('en/calls'), import('../../../src/shared/i18n/en/calls')),
      './es/calls.ts': () => (asked.push('es/calls'), import('../../../src/shared/i18n/es/calls'))
    })
    const i18n = createAppI18n('en')
    const words = createWindowWords(i18n, calls)
    await words.speak('en')
    expect(asked).toEqual(['en/calls'])
    expect(i18n.global.availableLocales).toEqual(['en'])

    const wrapper = mount(Host, { props: { choice: 'en' }, global: { plugins: [i18n] } })
    expect(wrapper.text()).toBe('Answer')
    await wrapper.setProps({ choice: 'es' })
    await vi.waitFor(() => expect(wrapper.text()).toBe('Contestar'))
    expect(asked).toEqual(['en/calls', 'es/calls'])
    expect(document.documentElement.lang).toBe('es')
    wrapper.unmount()
  })

  it('loads an on-demand view’s words in the language spoken, and in one switched to later', async () => {
    const i18n = createAppI18n('es')
    const words = createWindowWords(
      i18n,
      areaWords({
        './en/calls.ts': async () => ({ default: en.calls }),
        './es/calls.ts': async () => ({ default: es.calls })
      })
    )
    await words.speak('es')
    await words.add(
      areaWords({
        './en/settings.ts': async () => ({ default: en.settings }),
        './es/settings.ts': async () => ({ default: es.settings })
      })
    )
    const { t } = i18n.global
    expect(t('settings.save.notSaved')).toBe(es.settings.save.notSaved)
    expect(t('calls.toast.answer')).toBe('Contestar')
    await words.speak('en')
    expect(t('settings.save.notSaved')).toBe(en.settings.save.notSaved)
    expect(t('calls.toast.answer')).toBe('Answer')
  })

  it('lets the last switch win when an earlier one finishes loading later', async () => {
    let release: () => void = () => undefined
    const slowSpanish = new Promise<void>((resolve) => (release = resolve))
    const i18n = createAppI18n('en')
    const words = createWindowWords(
      i18n,
      areaWords({
        './en/calls.ts': async () => ({ default: en.calls }),
        './es/calls.ts': async () => (await slowSpanish, { default: es.calls })
      })
    )
    await words.speak('en')
    const toSpanish = words.speak('es')
    await words.speak('en')
    release()
    await toSpanish
    expect(i18n.global.locale.value).toBe('en')
  })

  it('loads an error sentence’s words late when its view has not brought them', async () => {
    const i18n = createAppI18n('es')
    await createWindowWords(i18n, MAIN_WINDOW_WORDS).speak('es')
    const english = 'A desk name is 1 to 40 printable characters.'
    // A plain options object: one component per file is the Host above.
    const Said = {
      setup() {
        const { describe } = useWords()
        return () =>
          h('p', describe({ message: english, words: words('config.deskName', { max: 40 }) }))
      }
    }
    const wrapper = mount(Said, { global: { plugins: [i18n] } })
    // Main's English stands in until the words arrive, then the window says it in Spanish.
    expect(wrapper.text()).toBe(english)
    await vi.waitFor(() =>
      expect(wrapper.text()).toBe('El nombre de un puesto tiene de 1 a 40 caracteres imprimibles.')
    )
    wrapper.unmount()
  })
})

describe('the catalogue areas each window and view loads', () => {
  it('are named as the app asks for them, in the language asked for, and no others', async () => {
    const main = await MAIN_WINDOW_WORDS('es')
    expect(Object.keys(main).sort()).toEqual(['app', 'calls', 'errors', 'history'])
    expect(main.calls).toEqual(es.calls)
    // errors-core.ts: the errors area bar Page setup's checks and the config sentences, which come
    // with the views that show them.
    const { setup: _checks, config: _config, ...errorsAtStart } = en.errors
    expect((await MAIN_WINDOW_WORDS('en')).errors).toEqual(errorsAtStart)

    const toast = await TOAST_WORDS('en')
    expect(Object.keys(toast).sort()).toEqual(['app', 'calls', 'shell'])
    expect(toast.shell).toEqual(en.shell)

    // follow-up.ts is the followUp area.
    expect(await settingsWords('es')).toEqual({
      settings: es.settings,
      hours: es.hours,
      followUp: es.followUp,
      errors: { config: es.errors.config }
    })
    expect(await setupWords('en')).toEqual({
      setup: en.setup,
      errors: { setup: en.errors.setup, config: en.errors.config }
    })
  })
})
