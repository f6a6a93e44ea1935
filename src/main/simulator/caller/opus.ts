/**
 * Opus for the simulated caller and the headless desk: libopus compiled to WebAssembly, as shipped
 * in the opusscript package; mono, 48 kHz, 20 ms frames, which is what Chromium sends and what
 * Meta's answer advertises.
 *
 * Why not opusscript's own `OpusScript` class: its buffers are views made with
 * `HEAPU16.subarray(bytePointer, ...)`, which index 16-bit elements, so every encode and decode
 * writes at twice the allocated address, into memory other codecs own. One codec pair survives
 * that by luck; several at once (two calls, or calls one after another in one process) corrupt
 * each other ("Encode error: Bad argument", silent audio, then "memory access out of bounds").
 * This wrapper drives the same native handler with buffers it allocated itself, at the right
 * addresses, in a WebAssembly instance of its own.
 */
import { createRequire } from 'node:module'
import { SAMPLE_RATE } from './audio'

export const FRAME_MS = 20
export const FRAME_SAMPLES = (SAMPLE_RATE / 1000) * FRAME_MS

/** Opus encodes only these frame lengths (2.5 to 60 ms at 48 kHz). */
const ENCODABLE_FRAME_SAMPLES = new Set([120, 240, 480, 960, 1920, 2880])
const MAX_ENCODE_SAMPLES = 2880
/** What the native decoder may return at most (120 ms), and the largest packet it takes. */
const MAX_DECODE_SAMPLES = 5760
const MAX_PACKET_BYTES = 1276 * 3
const APPLICATION_AUDIO = 2049

/** The handler opusscript's C++ exports (opusscript_native.cpp). */
interface NativeHandler {
  /**
   * Reads `samples` samples written one byte per 16-bit slot (low, high) at `input`, packs them
   * into 16-bit PCM in place, and encodes `frameSize` of them into `output`.
   */
  _encode(input: number, samples: number, output: number, frameSize: number): number
  /** Decodes into `output` one byte per 16-bit slot (low, high); returns samples per channel. */
  _decode(input: number, bytes: number, output: number): number
}

interface NativeOpus {
  OpusScriptHandler: {
    new (sampleRate: number, channels: number, application: number): NativeHandler
    destroy_handler(handler: NativeHandler): void
  }
  _malloc(bytes: number): number
  _free(pointer: number): void
  HEAPU8: Uint8Array
  HEAPU16: Uint16Array
}

let native: NativeOpus | undefined

/** One WebAssembly instance for every codec here, loaded on first use (synchronously). */
function opus(): NativeOpus {
  if (native) return native
  const require = createRequire(import.meta.url)
  const factory: unknown = require('opusscript/build/opusscript_native_wasm.js')
  if (typeof factory !== 'function') throw new Error('opusscript has no native Opus build')
  const module = (factory as () => NativeOpus)()
  if (typeof module.OpusScriptHandler !== 'function' || typeof module._malloc !== 'function') {
    throw new Error('opusscript native Opus build has an unexpected shape')
  }
  native = module
  return module
}

/** One native handler (it holds an encoder and a decoder) and the buffers this side uses. */
abstract class NativeCodec {
  protected readonly lib = opus()
  protected readonly handler = new this.lib.OpusScriptHandler(SAMPLE_RATE, 1, APPLICATION_AUDIO)
  private readonly buffers: number[] = []
  private closed = false

  protected allocate(bytes: number): number {
    const pointer = this.lib._malloc(bytes)
    if (pointer === 0) throw new Error('Out of memory for the Opus codec')
    this.buffers.push(pointer)
    return pointer
  }

  protected assertOpen(): void {
    if (this.closed) throw new Error('The Opus codec is closed')
  }

  /** Frees the WebAssembly memory; the codec is unusable afterwards. Safe to call twice. */
  close(): void {
    if (this.closed) return
    this.closed = true
    this.lib.OpusScriptHandler.destroy_handler(this.handler)
    for (const pointer of this.buffers.splice(0)) this.lib._free(pointer)
  }
}

export class OpusEncoder extends NativeCodec {
  /** Two 16-bit slots per sample: the handler's byte-per-slot input format. */
  private readonly input = this.allocate(MAX_ENCODE_SAMPLES * 4)
  private readonly output = this.allocate(MAX_PACKET_BYTES)

  static canEncode(samples: number): boolean {
    return ENCODABLE_FRAME_SAMPLES.has(samples)
  }

  encode(pcm: Int16Array): Buffer {
    if (!OpusEncoder.canEncode(pcm.length)) {
      throw new RangeError(`Opus cannot encode a frame of ${pcm.length} samples`)
    }
    this.assertOpen()
    // Views are taken per call: they would go stale if the WebAssembly memory ever grew.
    const slots = this.lib.HEAPU16
    const base = this.input >> 1
    for (let i = 0; i < pcm.length; i++) {
      const sample = (pcm[i] ?? 0) & 0xffff
      slots[base + 2 * i] = sample & 0xff
      slots[base + 2 * i + 1] = sample >> 8
    }
    const length = this.handler._encode(this.input, pcm.length, this.output, pcm.length)
    if (length < 0) throw new Error(`Opus could not encode the frame (error ${length})`)
    return Buffer.from(this.lib.HEAPU8.subarray(this.output, this.output + length))
  }
}

export class OpusDecoder extends NativeCodec {
  private readonly input = this.allocate(MAX_PACKET_BYTES)
  private readonly output = this.allocate(MAX_DECODE_SAMPLES * 4)

  /** Mono 16-bit PCM; a stereo stream is mixed down by libopus. Throws on a corrupt packet. */
  decode(payload: Buffer): Int16Array {
    if (payload.length === 0 || payload.length > MAX_PACKET_BYTES) {
      throw new RangeError(`An Opus packet of ${payload.length} bytes cannot be decoded`)
    }
    this.assertOpen()
    this.lib.HEAPU8.set(payload, this.input)
    const samples = this.handler._decode(this.input, payload.length, this.output)
    if (samples < 0) throw new Error(`Opus could not decode the packet (error ${samples})`)
    const slots = this.lib.HEAPU16
    const base = this.output >> 1
    const pcm = new Int16Array(samples)
    for (let i = 0; i < samples; i++) {
      const word = (slots[base + 2 * i] ?? 0) | ((slots[base + 2 * i + 1] ?? 0) << 8)
      pcm[i] = (word << 16) >> 16
    }
    return pcm
  }
}
