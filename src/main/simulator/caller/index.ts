/** The simulated caller: the customer's side of a Messenger call's media, and its measurements. */
export {
  SimulatedCaller,
  type CallerAnswer,
  type CallerState,
  type CallerStats,
  type SimulatedCallerOptions,
  type WaitForAudioOptions
} from './simulated-caller'
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
