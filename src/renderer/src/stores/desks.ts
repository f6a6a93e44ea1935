/**
 * The hub's desks, as the owner's Settings shows them (issue 13): the list follows the core's
 * `desks` event, "Add a desk" keeps the invitation it got, and every refusal is the service's own
 * sentence. Whether this desk can have desks at all is the service's answer too: a seat is
 * refused ('forbidden') and sees no Desks section; a core without seats ('not-configured') says
 * so in one sentence. Neither is an error to show as one.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ServiceErrorCode, ServiceErrorShape } from '../../../shared/api'
import type { DeskInvitation, DeskList, DeskSummary, DesksOnNetwork } from '../../../shared/desks'
import { softphone } from '../services/softphone'
import { saidOf, type Said } from '../composables/useWords'

/**
 * `hidden`: this desk is a seat, the list is not its to see. `unavailable`: this core has no
 * seats (`unavailableSentence` says why). `failed`: the list could not be read (`loadError`).
 */
export type DesksAvailability = 'loading' | 'ready' | 'hidden' | 'unavailable' | 'failed'

/** The service's error code, when the transport kept it (see the preload: IPC keeps only the sentence). */
function codeOf(failure: unknown): ServiceErrorCode | undefined {
  const code = (failure as Partial<ServiceErrorShape> | undefined)?.code
  return typeof code === 'string' ? code : undefined
}

export const useDesksStore = defineStore('desks', () => {
  const availability = ref<DesksAvailability>('loading')
  const desks = ref<DeskSummary[]>([])
  /** Desks on the local network: where they reach this hub, or why they cannot (absent: off). */
  const onNetwork = ref<DesksOnNetwork>()
  const unavailableSentence = ref<Said>()
  const loadError = ref<Said>()

  const invitation = ref<DeskInvitation>()
  const adding = ref(false)
  const addError = ref<Said>()
  /** The desk being removed right now, by name. */
  const removing = ref<string>()
  const removeError = ref<{ name: string; sentence: Said }>()
  /** The desk removed last, to say so once its row is gone. */
  const removed = ref<string>()

  let following = false

  function show(list: DeskList): void {
    desks.value = list.desks
    onNetwork.value = list.onNetwork
    availability.value = 'ready'
    loadError.value = undefined
  }

  /** A refusal that says this desk has no desks to manage, rather than that something failed. */
  function notHere(failure: unknown): boolean {
    const code = codeOf(failure)
    if (code === 'forbidden') availability.value = 'hidden'
    else if (code === 'not-configured') {
      availability.value = 'unavailable'
      unavailableSentence.value = saidOf(failure)
    } else return false
    return true
  }

  async function load(): Promise<void> {
    if (!following) {
      following = true
      softphone().on('desks', show)
    }
    try {
      show(await softphone().listDesks({}))
    } catch (failure) {
      if (notHere(failure)) return
      availability.value = 'failed'
      loadError.value = saidOf(failure)
    }
  }

  /** Asks the hub for a one-time code for a new desk named `name`; true when it gave one. */
  async function add(name: string): Promise<boolean> {
    adding.value = true
    addError.value = undefined
    try {
      invitation.value = await softphone().addDesk({ name })
      return true
    } catch (failure) {
      if (!notHere(failure)) addError.value = saidOf(failure)
      return false
    } finally {
      adding.value = false
    }
  }

  /** Puts the invitation away (the owner is done with it, or wants another). */
  function closeInvitation(): void {
    invitation.value = undefined
    addError.value = undefined
  }

  /** Revokes the desk `name`; its connection closes at once and its key never works again. */
  async function remove(name: string): Promise<boolean> {
    removing.value = name
    removeError.value = undefined
    removed.value = undefined
    try {
      show(await softphone().removeDesk({ name }))
      removed.value = name
      return true
    } catch (failure) {
      if (!notHere(failure)) removeError.value = { name, sentence: saidOf(failure) }
      return false
    } finally {
      removing.value = undefined
    }
  }

  return {
    availability,
    desks,
    onNetwork,
    unavailableSentence,
    loadError,
    invitation,
    adding,
    addError,
    removing,
    removeError,
    removed,
    load,
    add,
    closeInvitation,
    remove
  }
})
