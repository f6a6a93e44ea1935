/**
 * The To call back list as this desk shows it (issue 16 item 3): loaded once, then replaced by
 * every `callBackTasks` event (the hub tells every desk each change). Claim, release, done and
 * reopen go to the hub; its answer is the list as it now stands, and a refusal (another desk
 * claimed it first) is kept as the sentence to show.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { CallBackTask, CallBackTaskList } from '../../../shared/call-back-tasks'
import { softphone } from '../services/softphone'

export type TaskAction = 'claim' | 'release' | 'close' | 'reopen'

const COMMANDS = {
  claim: 'claimCallBackTask',
  release: 'releaseCallBackTask',
  close: 'closeCallBackTask',
  reopen: 'reopenCallBackTask'
} as const

export const useCallBackTasksStore = defineStore('callBackTasks', () => {
  const list = ref<CallBackTaskList>({ tasks: [] })
  /** The customer whose task an action is on its way for. */
  const busy = ref<string>()
  /** Why the last action was refused, and for whom. */
  const error = ref<{ psid: string; text: string }>()
  let listening = false

  const open = computed<CallBackTask[]>(() =>
    list.value.tasks.filter((task) => task.state === 'open')
  )
  const closed = computed<CallBackTask[]>(() =>
    list.value.tasks.filter((task) => task.state === 'closed')
  )

  async function load(): Promise<void> {
    if (!listening) {
      listening = true
      softphone().on('callBackTasks', (next) => (list.value = next))
    }
    list.value = await softphone().listCallBackTasks({})
  }

  async function act(action: TaskAction, psid: string): Promise<void> {
    busy.value = psid
    error.value = undefined
    try {
      list.value = await softphone()[COMMANDS[action]]({ psid })
    } catch (failure) {
      error.value = { psid, text: failure instanceof Error ? failure.message : String(failure) }
    } finally {
      busy.value = undefined
    }
  }

  return { list, open, closed, busy, error, load, act }
})
