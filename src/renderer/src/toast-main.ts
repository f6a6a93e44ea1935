// No zod-jitless here, unlike main.ts: this window builds no schemas and bundles no zod at all
// (tests/build/bundle-imports.test.ts).
import { createApp } from 'vue'
import ToastApp from './ToastApp.vue'
import './styles.css'

createApp(ToastApp).mount('#app')
