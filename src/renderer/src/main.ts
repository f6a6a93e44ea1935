// First: zod must be jitless before any schema is built (see zod-jitless.ts).
import '../../shared/zod-jitless'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppI18n } from './i18n'
import './styles.css'

createApp(App).use(createPinia()).use(createAppI18n()).mount('#app')
