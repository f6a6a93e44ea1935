import type { Plugin } from 'vite'

/** What vue-i18n's build writes to reach `getCurrentInstance` (its only use of the namespace). */
const NAMESPACE_IMPORT = "import * as Vue from 'vue';"

/**
 * vue-i18n imports all of Vue as a namespace for one function (`Vue.getCurrentInstance`), which
 * keeps every export of Vue in the bundle, about 40 KB more in each window. Importing that one
 * function instead lets the rest of Vue be tree-shaken as before.
 */
export function vueI18nTreeShaking(): Plugin {
  return {
    name: 'vue-i18n-tree-shaking',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]vue-i18n[\\/]dist[\\/]/.test(id) || !code.includes(NAMESPACE_IMPORT)) return null
      return {
        code: code.replace(
          NAMESPACE_IMPORT,
          "import { getCurrentInstance as vueGetCurrentInstance } from 'vue'; const Vue = { getCurrentInstance: vueGetCurrentInstance };"
        ),
        map: null
      }
    }
  }
}
