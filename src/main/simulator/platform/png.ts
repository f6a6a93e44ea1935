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

/** An 8-bit RGB image of `size`×`size` pixels filled with one colour. */
export function solidPng(rgb: readonly [number, number, number], size = 48): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.writeUInt8(8, 8) // bit depth
  header.writeUInt8(2, 9) // colour type: truecolour
  // Each scanline starts with filter byte 0 (none), then RGB triples.
  const row = Buffer.alloc(1 + size * 3)
  for (let x = 0; x < size; x++) row.set(rgb, 1 + x * 3)
  const pixels = Buffer.concat(Array.from({ length: size }, () => row))
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0))
  ])
}

/** A stable colour per person, so two callers' avatars differ. */
export function avatarPng(seed: string): Buffer {
  const digest = createHash('sha256').update(seed).digest()
  return solidPng([digest[0] ?? 0, digest[1] ?? 0, digest[2] ?? 0])
}
