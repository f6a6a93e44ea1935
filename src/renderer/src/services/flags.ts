/**
 * Switches read once from the page address, for measurements only: the answer benchmark compares
 * the prepared answer with a naive one, and tone-measuring tests turn audio processing off (echo
 * cancellation and gain control shrink a steady test tone). Users never need them.
 */
const params = new URLSearchParams(window.location.search)

export const flags = {
  /** `?answer=naive`: build the connection and open the microphone only after the click. */
  naiveAnswer: params.get('answer') === 'naive',
  /** `?audioProcessing=off` */
  audioProcessing: params.get('audioProcessing') !== 'off'
}
