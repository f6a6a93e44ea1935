/**
 * This desk's role, as the person changes it (issue 13): joining a hub with the invitation its
 * owner made (this desk becomes a seat) and leaving it (this desk has no Page again: the welcome).
 * The core answers, then sends a new status with or without `hub`; the page follows that status,
 * so this store keeps only what the status cannot say: the work in progress, the service's
 * refusal (already a sentence) and how leaving went.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { softphone } from '../services/softphone'
import { useNavigationStore } from './navigation'
import { useSettingsStore } from './settings'
import { saidOf, type Said } from '../composables/useWords'

/** How the last leave went; `removedAtHub` false: the hub's owner still lists this desk. */
export interface LeftHub {
  /** Undefined when the status never named the hub: the notice says "its hub". */
  hubName: string | undefined
  removedAtHub: boolean
}

export const useDeskRoleStore = defineStore('desk-role', () => {
  const settings = useSettingsStore()
  const navigation = useNavigationStore()

  const joining = ref(false)
  const joinError = ref<Said>()
  /** The hub this desk has just joined: the join form says so until the seat's view replaces it. */
  const joined = ref<string>()
  const leaving = ref(false)
  const leaveError = ref<Said>()
  const left = ref<LeftHub>()

  async function join(invitation: string, forgetPage: boolean): Promise<boolean> {
    joining.value = true
    joinError.value = undefined
    try {
      const { hubName } = await softphone().joinHub({ invitation, forgetPage })
      joined.value = hubName
      left.value = undefined
      return true
    } catch (failure) {
      joinError.value = saidOf(failure)
      return false
    } finally {
      joining.value = false
    }
  }

  async function leave(): Promise<boolean> {
    const hubName = settings.status?.hub?.name
    leaving.value = true
    leaveError.value = undefined
    try {
      const { removedAtHub } = await softphone().leaveHub({})
      left.value = { hubName, removedAtHub }
      joined.value = undefined
      navigation.go('home')
      return true
    } catch (failure) {
      leaveError.value = saidOf(failure)
      return false
    } finally {
      leaving.value = false
    }
  }

  /** Leaves a failed attempt behind: the next visit to the form starts clean. */
  function clearJoinError(): void {
    joinError.value = undefined
  }

  return {
    joining,
    joinError,
    joined,
    leaving,
    leaveError,
    left,
    join,
    leave,
    clearJoinError
  }
})
