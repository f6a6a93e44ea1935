/** The simulated caller: the customer's side of a Messenger call's media, and its measurements. */
export { SimulatedCaller } from './simulated-caller'
export type {
  CallerAnswer,
  CallerState,
  CallerStats,
  SimulatedCallerOptions,
  WaitForAudioOptions
} from './caller-types'
export type { CallerAudio } from './outgoing-audio'
export { InvalidOfferError } from './sdp'
export {
  AudioMeter,
  DEFAULT_SILENCE_DBFS,
  SAMPLE_RATE,
  SILENCE_FLOOR_DBFS,
  ToneGenerator,
  analyseAudio,
  dominantFrequency,
  int16ToFloat,
  rmsDbfs,
  type AudioAnalysis,
  type AudioMeterOptions
} from './audio'
