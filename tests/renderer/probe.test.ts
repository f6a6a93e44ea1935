import { test } from 'vitest'
test('probe', () => {
  const g = globalThis as Record<string, unknown>
  for (const n of ['RTCPeerConnection','RTCRtpReceiver','MediaStream','MediaStreamTrack','Audio','HTMLAudioElement','DOMException','Blob','URL','RTCSessionDescription']) console.log(n, typeof g[n])
  console.log('mediaDevices', typeof navigator.mediaDevices, navigator.userAgent)
  console.log('createObjectURL', typeof URL.createObjectURL)
  const a = new Audio()
  console.log('play', typeof a.play, 'setSinkId', typeof (a as unknown as Record<string,unknown>).setSinkId)
  console.log(typeof a.pause)
  console.log(new DOMException('x','NotAllowedError') instanceof Error)
})
