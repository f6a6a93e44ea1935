/**
 * Every renderer test mounts with the app's i18n installed, in English (the words the tests
 * assert), whatever the machine's languages, with both languages' words loaded at once (the built
 * windows load theirs lazily: i18n/window-words.ts); a test that switches to Spanish is reset after.
 * The views the built app loads on demand are here at once, so a test opens them in the same tick
 * (the on-demand loading itself is the build's: tests/build/window-sizes.test.ts).
 */
import { config } from '@vue/test-utils'
import { afterEach, vi } from 'vitest'
import { createAppI18n } from '../../../src/renderer/src/i18n'
import { MESSAGES } from '../../../src/shared/i18n/languages'

vi.mock('../../../src/renderer/src/views/on-demand-views', async () => ({
  CallBackTasksView: (await import('../../../src/renderer/src/views/CallBackTasksView.vue'))
    .default,
  HistoryView: (await import('../../../src/renderer/src/views/HistoryView.vue')).default,
  SettingsView: (await import('../../../src/renderer/src/views/SettingsView.vue')).default,
  SetupView: (await import('../../../src/renderer/src/views/SetupView.vue')).default
}))

export const testI18n = createAppI18n('en', MESSAGES)
config.global.plugins = [...config.global.plugins, testI18n]

afterEach(() => {
  testI18n.global.locale.value = 'en'
})
