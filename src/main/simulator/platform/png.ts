/**
 * A tiny real PNG (one solid colour per person) so profile photo URLs can be fetched and decoded
 * like Meta's CDN images, without shipping image files in the simulator.
 */
import { createHash } from 'node:crypto'
import { crc32, deflateSync } from 'node:zlib'

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typed))
  return Buffer.concat([length, typed, crc])
}

type Rgb = readonly [number, number, number]

/** An 8-bit RGB image of `size`×`size` pixels, each coloured by `pixel(x, y)`. */
function png(size: number, pixel: (x: number, y: number) => Rgb): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.writeUInt8(8, 8) // bit depth
  header.writeUInt8(2, 9) // colour type: truecolour
  // Each scanline starts with filter byte 0 (none), then RGB triples.
  const rows = Array.from({ length: size }, (_, y) => {
    const row = Buffer.alloc(1 + size * 3)
    for (let x = 0; x < size; x++) row.set(pixel(x, y), 1 + x * 3)
    return row
  })
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0))
  ])
}

/** An 8-bit RGB image of `size`×`size` pixels filled with one colour. */
export function solidPng(rgb: Rgb, size = 48): Buffer {
  return png(size, () => rgb)
}

/**
 * A head and shoulders in a light tint of `rgb` on `rgb`: it reads as a person's photo in the
 * app's avatars (a flat colour would look like a blank circle), still one colour per person.
 */
export function portraitPng(rgb: Rgb, size = 48): Buffer {
  const tint = rgb.map((c) => Math.round(c + (255 - c) * 0.65)) as unknown as Rgb
  const inHead = (x: number, y: number): boolean => (x - 0.5) ** 2 + (y - 0.4) ** 2 <= 0.17 ** 2
  const inShoulders = (x: number, y: number): boolean =>
    ((x - 0.5) / 0.34) ** 2 + ((y - 1) / 0.36) ** 2 <= 1
  return png(size, (px, py) => {
    const [x, y] = [(px + 0.5) / size, (py + 0.5) / size]
    return inHead(x, y) || inShoulders(x, y) ? tint : rgb
  })
}

/** A stable colour per person, so two callers' avatars differ. */
export function avatarPng(seed: string): Buffer {
  const digest = createHash('sha256').update(seed).digest()
  // Mid-tones only: a near-white or near-black photo would hide the figure.
  const channel = (i: number): number => 40 + Math.round(((digest[i] ?? 0) / 255) * 140)
  return portraitPng([channel(0), channel(1), channel(2)])
}
