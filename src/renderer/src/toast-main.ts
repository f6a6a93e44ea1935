// No zod-jitless here, unlike main.ts: this window builds no schemas and bundles no zod at all
// (tests/build/bundle-imports.test.ts).
import { createApp } from 'vue'
import ToastApp from './ToastApp.vue'
import { TOAST_WORDS } from './i18n/toast-words'
import { mountSpeaking } from './i18n/start-language'
import './styles.css'

mountSpeaking(createApp(ToastApp), TOAST_WORDS)
