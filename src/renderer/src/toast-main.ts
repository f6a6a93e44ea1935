// First: zod must be jitless before any schema is built (see zod-jitless.ts).
import '../../shared/zod-jitless'
import { createApp } from 'vue'
import ToastApp from './ToastApp.vue'
import './styles.css'

createApp(ToastApp).mount('#app')
