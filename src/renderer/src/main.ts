// First: zod must be jitless before any schema is built (see zod-jitless.ts).
import '../../shared/zod-jitless'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { MAIN_WINDOW_WORDS } from './i18n/main-window-words'
import { mountSpeaking } from './i18n/start-language'
import './styles.css'

mountSpeaking(createApp(App).use(createPinia()), MAIN_WINDOW_WORDS)
