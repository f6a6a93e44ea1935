import { createApp } from 'vue'
import ToastApp from './ToastApp.vue'
import './styles.css'

createApp(ToastApp).mount('#app')
