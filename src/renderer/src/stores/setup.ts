/**
 * The onboarding wizard's state: the connected Page (ids and yes/no for the secrets, which never
 * come back from the core), the last setup report, the fix in progress, and the last step's
 * watch for the first real call (a call from a customer, not the built-in test line).
 */
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { Call } from '../../../shared/calls'
import type {
  CredentialsRequest,
  PageConnection,
  SetupFixAction,
  SetupReport
} from '../../../shared/onboarding'
import { softphone } from '../services/softphone'
import { useCallStore } from './call'
import { saidOf, type Said } from '../composables/useWords'

export const useSetupStore = defineStore('setup', () => {
  const calls = useCallStore()
  const connection = ref<PageConnection>()
  const report = ref<SetupReport>()
  const saving = ref(false)
  const checking = ref(false)
  const fixing = ref<SetupFixAction>()
  /** Why the last save, check or fix failed: the core's sentence. */
  const error = ref<Said>()
  /** Saved for this session only (no keyring): the core's sentence, with its words. */
  const warning = ref<Said>()
  /** Calls already known when the last step began: none of them is "the first real call". */
  let knownCalls: Set<string> | undefined
  const awaiting = ref(false)
  const firstCall = ref<Call>()

  const busy = computed(() => saving.value || checking.value || fixing.value !== undefined)
  const waitingForCall = computed(() => awaiting.value && !firstCall.value)

  async function run<T>(flag: { value: boolean }, work: () => Promise<T>): Promise<T | undefined> {
    flag.value = true
    error.value = undefined
    try {
      return await work()
    } catch (failure) {
      error.value = saidOf(failure)
      return undefined
    } finally {
      flag.value = false
    }
  }

  async function load(): Promise<void> {
    try {
      connection.value = await softphone().getPageConnection({})
    } catch (failure) {
      error.value = saidOf(failure)
    }
  }

  async function check(): Promise<void> {
    const next = await run(checking, () => softphone().runSetupChecks({}))
    if (next) report.value = next
  }

  /** Saves the form, then checks everything with what was saved. True when it was saved. */
  async function save(form: CredentialsRequest): Promise<boolean> {
    const result = await run(saving, () => softphone().saveCredentials(form))
    if (!result) return false
    connection.value = result.connection
    warning.value = result.warning
      ? { message: result.warning, words: result.warningWords }
      : undefined
    await check()
    return true
  }

  async function fix(action: SetupFixAction): Promise<void> {
    fixing.value = action
    error.value = undefined
    try {
      report.value = await softphone().fixSetup({ action })
    } catch (failure) {
      error.value = saidOf(failure)
    } finally {
      fixing.value = undefined
    }
  }

  /** The last step: from now on, the first new call from a customer is the proof it works. */
  function awaitFirstCall(): void {
    if (knownCalls) return
    knownCalls = new Set(calls.list.map((call) => call.id))
    awaiting.value = true
    firstCall.value = undefined
    spot(calls.list)
  }

  function spot(list: readonly Call[]): void {
    if (!knownCalls) return
    const seen = firstCall.value
    if (seen) {
      // The caller's name and photo arrive after the ring: keep the newest snapshot.
      const latest = list.find((call) => call.id === seen.id)
      if (latest) firstCall.value = latest
      return
    }
    firstCall.value = list.find(
      (call) => !call.test && call.direction === 'inbound' && !knownCalls?.has(call.id)
    )
  }

  watch(() => calls.list, spot)

  /**
   * The desk joined or left a hub: what was checked, and the Page it was connected to, are about
   * a Page it no longer has (the form would otherwise come back filled with its ids).
   */
  function forgetReport(): void {
    connection.value = undefined
    report.value = undefined
    warning.value = undefined
    error.value = undefined
  }

  return {
    connection,
    report,
    saving,
    checking,
    fixing,
    error,
    warning,
    firstCall,
    busy,
    waitingForCall,
    load,
    check,
    save,
    fix,
    awaitFirstCall,
    forgetReport
  }
})
