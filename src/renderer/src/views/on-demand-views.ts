import { defineAsyncComponent } from 'vue'

// Settings and Page setup load when first opened: the main window's goal (<= 300 KB of JavaScript
// at start, tests/build/window-sizes.test.ts) has room for the calls, not for every form.
export const SettingsView = defineAsyncComponent(() => import('./SettingsView.vue'))
export const SetupView = defineAsyncComponent(() => import('./SetupView.vue'))
