/**
 * `npm run web` (or serve) as a seat: SOFTPHONE_HUB set, this desk rings and answers for the hub
 * at that address over the secure seat link. No webhook listener, tunnel or Page credential: the
 * hub holds them. The first start pairs with SOFTPHONE_PAIRING_CODE; the keys it leaves in the
 * data folder (with the hub's address) are enough for every later start. The desk runtime
 * (core/desk) starts it; this says what the environment asks of it.
 */
import type { EnvOverrides } from './core/config'
import type { DeskRuntimeOptions } from './core/desk/desk-runtime'

export { NOT_PAIRED_SENTENCE } from './core/desk/desk-runtime'

/** SOFTPHONE_HUB (and its first pairing code) as the runtime's headless seat; none: no override. */
export function headlessHubOf(env: EnvOverrides): DeskRuntimeOptions['headlessHub'] {
  if (!env.hubUrl) return undefined
  return { hubUrl: env.hubUrl, pairingCode: env.pairingCode }
}
