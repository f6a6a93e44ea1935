/**
 * Meta's media side in the simulator: a fresh simulated caller (werift) for each call Graph
 * accepts or connects, hung up when the call ends and kept afterwards for its measurements.
 */
import type { Logger } from '../core/log'
import { SimulatedCaller, type CallerAudio } from './caller'
import type { MediaPeer } from './platform'

export interface MetaMediaOptions {
  /** What the caller of a call placed in the simulator says; undefined: a call the business placed. */
  placedAudio: (callId: string) => { audio: CallerAudio | undefined } | undefined
  /** What a caller says when its call does not say. */
  defaultAudio: CallerAudio
  /** The media of an accepted call never came up: Meta fails such a call. */
  onMediaFailed: (callId: string) => void
  isClosing: () => boolean
  log: Logger
}

export interface MetaMedia {
  /** What the fake Graph calls to answer an offer. */
  readonly peer: MediaPeer
  callerOf(callId: string): SimulatedCaller | undefined
  /** The call ended: its caller hangs up. */
  hangUp(callId: string): void
  /** Hangs up every caller. */
  close(): Promise<void>
}

export function createMetaMedia(options: MetaMediaOptions): MetaMedia {
  const callers = new Map<string, SimulatedCaller>()
  const peer: MediaPeer = {
    async answer(callId, offerSdp) {
      if (options.isClosing()) throw new Error('The simulator is closing')
      const call = options.placedAudio(callId)
      const caller = new SimulatedCaller({
        audio: call?.audio ?? options.defaultAudio,
        // A call the business placed (not one placed here) rings first: silence until picked up.
        talk: call ? 'on-connect' : 'when-told',
        logger: options.log
      })
      callers.set(callId, caller)
      caller.onStateChange((state) => {
        if (state === 'failed') options.onMediaFailed(callId)
      })
      try {
        return await caller.answerOffer(offerSdp)
      } catch (error) {
        callers.delete(callId)
        await caller.close()
        throw error
      }
    }
  }
  return {
    peer,
    callerOf: (callId) => callers.get(callId),
    hangUp: (callId) => void callers.get(callId)?.close(),
    async close() {
      await Promise.allSettled([...callers.values()].map((caller) => caller.close()))
    }
  }
}
