/**
 * The codecs of the call's offer: Meta answers Opus only and ignores every other codec (docs
 * section 6), so the offer carries Opus and, for the keypad, telephone-event, nothing else.
 */

/** Offers Opus (and telephone-event for the keypad) only: Meta ignores every other codec. */
export function preferOpus(transceiver: RTCRtpTransceiver): void {
  const capabilities = RTCRtpReceiver.getCapabilities?.('audio')
  if (!capabilities || typeof transceiver.setCodecPreferences !== 'function') return
  const wanted = capabilities.codecs.filter((codec) =>
    /^audio\/(opus|telephone-event)$/i.test(codec.mimeType)
  )
  if (wanted.some((codec) => /opus/i.test(codec.mimeType))) transceiver.setCodecPreferences(wanted)
}
