/**
 * Each platform's tray gets the icon its tray draws well (Electron's nativeImage rules), the files
 * exist as drawn by scripts/make-icons.ts, and the running app picks them.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { inflateSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { trayIconPath } from '../../../../src/main/desktop/tray/tray-icons'
import { TRAY_STATES } from '../../../../src/main/desktop/tray/tray-state'
import { cleanUp, startDesktop, type StartedDesktop } from '../desktop-fixtures'

const ASSETS = join(import.meta.dirname, '../../../../resources')

/** Width, height and RGBA rows of one of our PNGs (8-bit RGBA, filter 0, as make-icons writes). */
function readPng(data: Buffer): { width: number; height: number; pixels: Buffer } {
  expect(data.subarray(1, 4).toString('ascii')).toBe('PNG')
  const [width, height] = [data.readUInt32BE(16), data.readUInt32BE(20)]
  const idat: Buffer[] = []
  for (let at = 8; at < data.length;) {
    const length = data.readUInt32BE(at)
    if (data.toString('ascii', at + 4, at + 8) === 'IDAT') {
      idat.push(data.subarray(at + 8, at + 8 + length))
    }
    at += 12 + length
  }
  return { width, height, pixels: inflateSync(Buffer.concat(idat)) }
}

function pngSize(file: string): number {
  const { width, height } = readPng(readFileSync(file))
  expect(height).toBe(width)
  return width
}

describe.each(TRAY_STATES)('tray icon "%s"', (state) => {
  it('macOS: a black-and-alpha template image at 16 px with a 32 px @2x', () => {
    const file = trayIconPath(ASSETS, 'darwin', state)
    expect(file).toMatch(/Template\.png$/)
    expect(pngSize(file)).toBe(16)
    const retina = file.replace(/\.png$/, '@2x.png')
    expect(pngSize(retina)).toBe(32)
    for (const path of [file, retina]) {
      const { width, pixels } = readPng(readFileSync(path))
      let inked = 0
      for (let y = 0; y < width; y++) {
        for (let x = 0; x < width; x++) {
          const at = y * (1 + width * 4) + 1 + x * 4
          if (pixels[at + 3] === 0) continue
          inked++
          expect([pixels[at], pixels[at + 1], pixels[at + 2]]).toEqual([0, 0, 0])
        }
      }
      expect(inked).toBeGreaterThan(width)
    }
  })

  it('Windows: an ICO holding every small-icon size, 16 to 32 px', () => {
    const file = trayIconPath(ASSETS, 'win32', state)
    expect(file).toMatch(/\.ico$/)
    const ico = readFileSync(file)
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1])
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, index) => {
      const entry = 6 + 16 * index
      const png = ico.subarray(
        ico.readUInt32LE(entry + 12),
        ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8)
      )
      expect(readPng(png).width).toBe(ico.readUInt8(entry))
      return ico.readUInt8(entry)
    })
    expect(sizes).toEqual([16, 20, 24, 32])
  })

  it('Linux: 24 px, sharp in a 22-24 px panel, with a 48 px @2x', () => {
    const file = trayIconPath(ASSETS, 'linux', state)
    expect(pngSize(file)).toBe(24)
    expect(pngSize(file.replace(/\.png$/, '@2x.png'))).toBe(48)
  })
})

describe('the running app', () => {
  let started: StartedDesktop | undefined
  afterEach(async () => {
    await cleanUp(started)
    started = undefined
  })

  it.each([
    ['darwin', 'offlineTemplate.png'],
    ['win32', 'offline.ico'],
    ['linux', 'offline.png']
  ] as const)('on %s shows tray/%s', async (platform, name) => {
    started = await startDesktop({ platform })
    const image = started.electron.created.trays[0]?.image.path
    expect(image).toMatch(new RegExp(`/resources/tray/${name.replace('.', '\\.')}$`))
    expect(existsSync(join(ASSETS, 'tray', name))).toBe(true)
  })
})
