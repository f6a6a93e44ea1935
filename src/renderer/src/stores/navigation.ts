import { defineStore } from 'pinia'
import { ref } from 'vue'

/** The app's few screens; no router: there are no URLs to share in a desk phone. */
export type View = 'home' | 'history' | 'tasks' | 'settings' | 'setup'

/**
 * Where the setup wizard stands: the first choice, connecting a Page (this desk is the hub), or
 * joining a desk that already has one (this desk becomes its seat).
 */
export type SetupStep = 'choose' | 'connect' | 'join'

export const useNavigationStore = defineStore('navigation', () => {
  const view = ref<View>('home')
  /** Unset: the wizard starts where this desk stands (the choice, or its Page when it has one). */
  const setupStep = ref<SetupStep>()
  /** Why the join form was opened from elsewhere, in a sentence (the webhook owner's notice). */
  const joinHint = ref<string>()

  function go(next: View): void {
    view.value = next
    if (next === 'setup') openStep(undefined)
  }

  /** Opens the wizard at `step`, with a sentence above the join form when there is one. */
  function openSetup(step: SetupStep, hint?: string): void {
    view.value = 'setup'
    openStep(step, hint)
  }

  function openStep(step: SetupStep | undefined, hint?: string): void {
    setupStep.value = step
    joinHint.value = hint
  }

  return { view, setupStep, joinHint, go, openSetup }
})
