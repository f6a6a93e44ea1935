import { defineStore } from 'pinia'
import { ref } from 'vue'

/** The app's few screens; no router: there are no URLs to share in a desk phone. */
export type View = 'home' | 'history' | 'settings' | 'setup'

export const useNavigationStore = defineStore('navigation', () => {
  const view = ref<View>('home')
  function go(next: View): void {
    view.value = next
  }
  return { view, go }
})
