/**
 * How `npm start` tells a missing Electron runtime from an installed one: the way electron-vite
 * looks for it (ELECTRON_EXEC_PATH, else the electron package's path.txt and dist/).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findElectronBinary } from '../../scripts/electron-binary'

describe('findElectronBinary', () => {
  let electronDir: string

  beforeEach(() => {
    electronDir = mkdtempSync(join(tmpdir(), 'softphone-electron-'))
  })
  afterEach(() => rmSync(electronDir, { recursive: true, force: true }))

  it('finds the binary path.txt names in dist/', () => {
    writeFileSync(join(electronDir, 'path.txt'), 'electron')
    mkdirSync(join(electronDir, 'dist'))
    writeFileSync(join(electronDir, 'dist', 'electron'), '')
    expect(findElectronBinary(electronDir)).toEqual({ path: join(electronDir, 'dist', 'electron') })
  })

  it('reports the runtime missing without path.txt (the download never ran)', () => {
    expect(findElectronBinary(electronDir)).toHaveProperty('missing')
  })

  it('reports the runtime missing when path.txt names a binary that is not there', () => {
    writeFileSync(join(electronDir, 'path.txt'), 'electron')
    expect(findElectronBinary(electronDir)).toHaveProperty('missing')
  })

  it('follows ELECTRON_EXEC_PATH, as electron-vite does', () => {
    const binary = join(electronDir, 'my-electron')
    expect(findElectronBinary(electronDir, { ELECTRON_EXEC_PATH: binary })).toHaveProperty(
      'missing'
    )
    writeFileSync(binary, '')
    expect(findElectronBinary(electronDir, { ELECTRON_EXEC_PATH: binary })).toEqual({
      path: binary
    })
  })
})
