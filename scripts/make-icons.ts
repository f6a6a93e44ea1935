/**
 * Draws the app icon and the tray icons as PNG files, so the repository needs no image editor and
 * no binary tool: `npm run icons` rewrites build/icon.png, build/icons/*.png and resources/tray/*
 * (one tray set per platform, see src/main/desktop/tray/tray-icons.ts).
 * The outputs are committed; run this again only after changing a colour or the glyph.
 *
 * Each pixel is 4×4 supersampled against simple shapes (disk, capsule, ring sector), which is
 * enough anti-aliasing for a 16 px tray icon.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { crc32, deflateSync } from 'node:zlib'

type Rgba = readonly [number, number, number, number]
/** Colour of the shape at (u, v) in [0, 1]², y pointing down; alpha 0 is empty. */
type Shader = (u: number, v: number) => Rgba

const ROOT = join(import.meta.dirname, '..')
const SUPERSAMPLE = 4

const WHITE: Rgba = [255, 255, 255, 255]
const CLEAR: Rgba = [0, 0, 0, 0]

export const TRAY_COLOURS = {
  idle: [24, 119, 242],
  ringing: [245, 155, 35],
  'in-call': [43, 178, 76],
  offline: [138, 141, 145]
} as const satisfies Record<string, readonly [number, number, number]>

function disk(u: number, v: number, cx: number, cy: number, r: number): boolean {
  return Math.hypot(u - cx, v - cy) <= r
}

/** Points within `r` of the segment (ax, ay)-(bx, by). */
function capsule(u: number, v: number, a: [number, number], b: [number, number], r: number) {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]]
  const t = Math.max(0, Math.min(1, ((u - a[0]) * dx + (v - a[1]) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(u - (a[0] + t * dx), v - (a[1] + t * dy)) <= r
}

/**
 * A telephone handset: a thick quarter ring curving through the lower left, with an ear pad at its
 * upper end and a mouth pad at its right end (the shape of the usual "call" glyph).
 */
function handset(u: number, v: number): boolean {
  const [cx, cy, radius, half] = [0.7, 0.3, 0.42, 0.085]
  const angle = Math.atan2(v - cy, u - cx)
  const onRing =
    Math.abs(Math.hypot(u - cx, v - cy) - radius) <= half &&
    angle >= Math.PI / 2 &&
    angle <= Math.PI
  return (
    onRing ||
    capsule(u, v, [0.3, 0.3], [0.5, 0.3], 0.11) ||
    capsule(u, v, [0.7, 0.5], [0.7, 0.7], 0.11)
  )
}

function glyph(u: number, v: number, centre: number, scale: number): boolean {
  return handset((u - centre) / scale + 0.5, (v - centre) / scale + 0.5)
}

function trayShader(state: keyof typeof TRAY_COLOURS): Shader {
  const [r, g, b] = TRAY_COLOURS[state]
  return (u, v) => {
    // The offline badge sits on top, cut out of the disk by a transparent ring so it reads at 16 px.
    if (state === 'offline') {
      if (disk(u, v, 0.78, 0.78, 0.2)) return [228, 64, 59, 255]
      if (disk(u, v, 0.78, 0.78, 0.27)) return CLEAR
    }
    if (!disk(u, v, 0.5, 0.5, 0.48)) return CLEAR
    return glyph(u, v, 0.5, 0.74) ? WHITE : [r, g, b, 255]
  }
}

const BLACK: Rgba = [0, 0, 0, 255]

/** Points on a ring of radius `r` around (cx, cy), `half` thick, between two angles (y down). */
function arc(u: number, v: number, centre: [number, number], r: number, half: number) {
  const angle = Math.atan2(v - centre[1], u - centre[0])
  const onRing = Math.abs(Math.hypot(u - centre[0], v - centre[1]) - r) <= half
  return onRing && angle >= -Math.PI / 2 && angle <= 0
}

/**
 * macOS menu bar icons are template images: black plus alpha, which macOS recolours for light and
 * dark menu bars. Without colour, each state differs by shape: waves while ringing, a filled disk
 * while in a call, a badge while offline.
 */
function templateShader(state: keyof typeof TRAY_COLOURS): Shader {
  return (u, v) => {
    switch (state) {
      case 'in-call':
        if (!disk(u, v, 0.5, 0.5, 0.48)) return CLEAR
        return glyph(u, v, 0.5, 0.74) ? CLEAR : BLACK
      case 'ringing':
        if (arc(u, v, [0.36, 0.64], 0.38, 0.05) || arc(u, v, [0.36, 0.64], 0.55, 0.05)) {
          return BLACK
        }
        return handset((u - 0.36) / 0.72 + 0.5, (v - 0.64) / 0.72 + 0.5) ? BLACK : CLEAR
      case 'offline':
        // The badge of the coloured icon, cut out of the handset by a clear ring.
        if (disk(u, v, 0.78, 0.78, 0.19)) return BLACK
        if (disk(u, v, 0.78, 0.78, 0.3)) return CLEAR
        return glyph(u, v, 0.45, 1.05) ? BLACK : CLEAR
      case 'idle':
        return glyph(u, v, 0.5, 1.1) ? BLACK : CLEAR
    }
  }
}

/** A rounded square with Messenger's blue-to-violet gradient and the white handset. */
const appShader: Shader = (u, v) => {
  const [inset, corner] = [0.06, 0.2]
  const qx = Math.max(Math.abs(u - 0.5) - (0.5 - inset - corner), 0)
  const qy = Math.max(Math.abs(v - 0.5) - (0.5 - inset - corner), 0)
  if (Math.hypot(qx, qy) > corner) return CLEAR
  if (glyph(u, v, 0.5, 0.62)) return WHITE
  const t = (u + v) / 2
  const mix = (from: number, to: number): number => Math.round(from + (to - from) * t)
  return [mix(0, 160), mix(132, 51), mix(255, 255), 255]
}

function rasterise(size: number, shade: Shader): Buffer {
  const pixels = Buffer.alloc(size * size * 4)
  const step = 1 / SUPERSAMPLE
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Premultiplied sums, so transparent samples do not darken the edge.
      let [r, g, b, a] = [0, 0, 0, 0]
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const [cr, cg, cb, ca] = shade(
            (x + (sx + 0.5) * step) / size,
            (y + (sy + 0.5) * step) / size
          )
          const alpha = ca / 255
          r += cr * alpha
          g += cg * alpha
          b += cb * alpha
          a += alpha
        }
      }
      const offset = (y * size + x) * 4
      const count = SUPERSAMPLE * SUPERSAMPLE
      if (a > 0) {
        pixels[offset] = Math.round(r / a)
        pixels[offset + 1] = Math.round(g / a)
        pixels[offset + 2] = Math.round(b / a)
      }
      pixels[offset + 3] = Math.round((a / count) * 255)
    }
  }
  return pixels
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** An 8-bit RGBA PNG: IHDR, one IDAT, IEND. */
export function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.writeUInt8(8, 8) // bit depth
  header.writeUInt8(6, 9) // colour type: truecolour with alpha
  const rows = Buffer.alloc(size * (1 + size * 4))
  for (let y = 0; y < size; y++) {
    // Filter byte 0 ("none") before each scanline.
    rgba.copy(rows, y * (1 + size * 4) + 1, y * size * 4, (y + 1) * size * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}

/** An ICO holding one PNG per size (the PNG-in-ICO form Windows reads since Vista). */
export function encodeIco(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(1, 2) // type: icon
  header.writeUInt16LE(images.length, 4)
  let offset = 6 + 16 * images.length
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16)
    entry.writeUInt8(size >= 256 ? 0 : size, 0)
    entry.writeUInt8(size >= 256 ? 0 : size, 1)
    entry.writeUInt16LE(1, 4) // colour planes
    entry.writeUInt16LE(32, 6) // bits per pixel
    entry.writeUInt32LE(png.length, 8)
    entry.writeUInt32LE(offset, 12)
    offset += png.length
    return entry
  })
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)])
}

function save(relative: string, data: Buffer, sizes: string): void {
  const file = join(ROOT, relative)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, data)
  console.log(`${relative} (${sizes})`)
}

function write(relative: string, size: number, shade: Shader): void {
  save(relative, encodePng(size, rasterise(size, shade)), `${size}×${size}`)
}

/**
 * Windows' small icon sizes per DPI scale (Electron docs, nativeImage "Supported Formats": 16, 20,
 * 24 and 32 px for 100-200 %), so the notification area never scales one up.
 */
const WINDOWS_TRAY_SIZES = [16, 20, 24, 32] as const

function main(): void {
  for (const state of Object.keys(TRAY_COLOURS) as (keyof typeof TRAY_COLOURS)[]) {
    // Electron picks the @2x file by itself on high-DPI screens (nativeImage.createFromPath).
    // Linux: panels draw tray icons at 22-24 px, so the base size is 24 (a 16 px one would blur).
    write(`resources/tray/${state}.png`, 24, trayShader(state))
    write(`resources/tray/${state}@2x.png`, 48, trayShader(state))
    // macOS: "Template" at the end of the name makes it a template image (nativeImage docs).
    write(`resources/tray/${state}Template.png`, 16, templateShader(state))
    write(`resources/tray/${state}Template@2x.png`, 32, templateShader(state))
    const shade = trayShader(state)
    const images = WINDOWS_TRAY_SIZES.map((size) => ({
      size,
      png: encodePng(size, rasterise(size, shade))
    }))
    save(`resources/tray/${state}.ico`, encodeIco(images), WINDOWS_TRAY_SIZES.join(', '))
  }
  // The window icon on Linux (Windows and macOS take the icon from the executable and bundle).
  write('resources/icon.png', 256, appShader)
  // electron-builder converts build/icon.png into .icns and .ico; Linux takes the sized set.
  write('build/icon.png', 512, appShader)
  write('build/icons/256x256.png', 256, appShader)
  write('build/icons/512x512.png', 512, appShader)
}

main()
