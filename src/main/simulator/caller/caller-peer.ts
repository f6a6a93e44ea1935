/** The werift peer of a simulated caller, set up the way Meta's media server answers. */
import { RTCPeerConnection, RTCRtpCodecParameters, useOPUS } from 'werift'

/** An ICE-lite peer whose one host candidate is `hostAddress` (Meta: one public address). */
export function createCallerPeer(hostAddress: string): RTCPeerConnection {
  return new RTCPeerConnection({
    // Only Opus is answered, plus telephone-event so the app's keypad (RFC 4733) reaches the
    // caller: werift matches by name and keeps the offer's payload types in the answer.
    codecs: {
      audio: [
        useOPUS(),
        new RTCRtpCodecParameters({ mimeType: 'audio/telephone-event', clockRate: 8000 })
      ]
    },
    headerExtensions: { audio: [] },
    iceLite: true,
    // werift's default STUN server is on the internet; gathering would stall on it.
    iceServers: [],
    // With both address families off werift gathers nothing from the interfaces and the one
    // "additional" address becomes the only candidate; binding the socket there keeps the
    // simulator's media port off the network.
    iceUseIpv4: false,
    iceUseIpv6: false,
    iceAdditionalHostAddresses: [hostAddress],
    iceInterfaceAddresses: hostAddress.includes(':') ? { udp6: hostAddress } : { udp4: hostAddress }
  })
}
