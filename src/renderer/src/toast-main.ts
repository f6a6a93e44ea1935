// No zod-jitless here, unlike main.ts: this window builds no schemas and bundles no zod at all
// (tests/build/bundle-imports.test.ts).
import { createApp } from 'vue'
import ToastApp from './ToastApp.vue'
import { createAppI18n } from './i18n'
import './styles.css'

createApp(ToastApp).use(createAppI18n()).mount('#app')
