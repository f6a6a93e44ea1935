/**
 * Calling a customer back, as this desk walks through it: check whether they allow calls, ask them
 * if not (within Meta's limit), wait for their answer (the `callPermission` event, on every desk),
 * then place the call through the call store, which runs it like any other call.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import {
  permissionSummary,
  type CallPermissionChange,
  type CallPermissionInfo
} from '../../../shared/callback'
import { callerLabel, type Caller } from '../../../shared/calls'
import { softphone } from '../services/softphone'
import { useCallStore } from './call'
import { saidOf, type Said } from '../composables/useWords'

/** `checking` the permission, `ready` to act on it, `asking` for it, or `calling`. */
export type CallBackPhase = 'checking' | 'ready' | 'asking' | 'calling'

export const useCallBackStore = defineStore('callBack', () => {
  const calls = useCallStore()
  /** Who is being called back; undefined while the panel is closed. */
  const target = ref<Caller>()
  const phase = ref<CallBackPhase>('checking')
  const info = ref<CallPermissionInfo>()
  const error = ref<Said>()
  let listening = false
  /** Answers that arrive after the panel closed (or moved to someone else) are dropped. */
  let generation = 0

  function listen(): void {
    if (listening) return
    listening = true
    softphone().on('callPermission', onPermission)
  }

  function onPermission(change: CallPermissionChange): void {
    const caller = target.value
    if (!caller || change.psid !== caller.psid || !info.value) return
    // Shown at once; the limits and what may be done next are read again from the core.
    info.value = {
      ...info.value,
      status: change.status,
      expiresAt: change.expiresAt,
      canCall: change.status === 'has_permission' && info.value.canCall,
      summary: permissionSummary(change.status, callerLabel(caller), change.expiresAt)
    }
    void refresh()
  }

  async function refresh(): Promise<void> {
    const caller = target.value
    if (!caller) return
    const mine = generation
    try {
      const fresh = await softphone().checkCallPermission({ psid: caller.psid })
      if (mine === generation) info.value = fresh
    } catch (failure) {
      if (mine === generation) error.value = saidOf(failure)
    }
  }

  async function open(caller: Caller): Promise<void> {
    listen()
    generation++
    target.value = caller
    info.value = undefined
    error.value = undefined
    phase.value = 'checking'
    const mine = generation
    await refresh()
    if (mine === generation) phase.value = 'ready'
  }

  /** Sends the permission request; refused by the core (with the sentence) past the limit. */
  async function ask(): Promise<void> {
    const caller = target.value
    if (!caller || phase.value !== 'ready' || !info.value?.canRequest) return
    const mine = generation
    phase.value = 'asking'
    error.value = undefined
    try {
      const asked = await softphone().requestCallPermission({ psid: caller.psid })
      if (mine === generation) info.value = asked
    } catch (failure) {
      if (mine !== generation) return
      error.value = saidOf(failure)
      await refresh()
    } finally {
      if (mine === generation) phase.value = 'ready'
    }
  }

  /** Places the call; the in-call view takes over as soon as the core reports it. */
  async function call(): Promise<void> {
    const caller = target.value
    if (!caller || phase.value !== 'ready' || !info.value?.canCall) return
    const mine = generation
    phase.value = 'calling'
    error.value = undefined
    try {
      await calls.placeCall(caller.psid)
      if (mine === generation) close()
    } catch (failure) {
      if (mine !== generation) return
      error.value = saidOf(failure)
      phase.value = 'ready'
    }
  }

  function close(): void {
    generation++
    target.value = undefined
    info.value = undefined
    error.value = undefined
    phase.value = 'checking'
  }

  return { target, phase, info, error, open, ask, call, close, refresh }
})
