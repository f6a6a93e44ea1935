import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import vueI18n from '@intlify/eslint-plugin-vue-i18n'

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } }
  },
  {
    languageOptions: { globals: { ...globals.node } }
  },
  {
    files: ['src/renderer/**/*', 'tests/renderer/**/*'],
    languageOptions: { globals: { ...globals.browser } }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off'
    }
  },
  {
    // The core must stay runnable without Electron: it is the headless server and the test subject.
    files: ['src/main/core/**/*', 'src/main/simulator/**/*', 'src/shared/**/*'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The core is plain Node; Electron glue lives in src/main/desktop.'
            }
          ],
          patterns: [
            {
              group: ['**/desktop/*', '**/desktop/**'],
              message: 'The core and the simulator never reach into the desktop shell.'
            }
          ]
        }
      ]
    }
  },
  {
    // Issue 15 item 4: every word a desk shows or reads aloud comes from the catalogues
    // (src/renderer/src/i18n), so English and Spanish stay complete. Symbols and figures are not words.
    files: ['src/renderer/**/*.vue'],
    plugins: { '@intlify/vue-i18n': vueI18n },
    settings: { 'vue-i18n': { messageSyntaxVersion: '^11.0.0' } },
    rules: {
      '@intlify/vue-i18n/no-raw-text': [
        'error',
        {
          attributes: {
            '/.+/': [
              'title',
              'aria-label',
              'aria-placeholder',
              'aria-valuetext',
              'placeholder',
              'alt',
              'label'
            ]
          },
          ignorePattern: '^[^\\p{L}]+$'
        }
      ]
    }
  },
  prettier
)
