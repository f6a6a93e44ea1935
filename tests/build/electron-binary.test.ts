/**
 * How `npm start` tells a missing Electron runtime from an installed one: the way electron-vite
 * looks for it (ELECTRON_EXEC_PATH, else the electron package's path.txt and dist/).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ensureElectronBinary, findElectronBinary } from '../../scripts/electron-binary'

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

describe('ensureElectronBinary', () => {
  let electronDir: string

  beforeEach(() => {
    electronDir = mkdtempSync(join(tmpdir(), 'softphone-electron-'))
  })
  afterEach(() => rmSync(electronDir, { recursive: true, force: true }))

  const install = (): boolean => {
    writeFileSync(join(electronDir, 'path.txt'), 'electron')
    mkdirSync(join(electronDir, 'dist'))
    writeFileSync(join(electronDir, 'dist', 'electron'), '')
    return true
  }

  it('downloads a missing runtime first, as Electron itself would on a machine with internet', () => {
    let downloads = 0
    const found = ensureElectronBinary(electronDir, {}, () => (downloads++, install()))
    expect(downloads).toBe(1)
    expect(found).toEqual({ path: join(electronDir, 'dist', 'electron') })
  })

  it('does not download an installed runtime', () => {
    install()
    let downloads = 0
    ensureElectronBinary(electronDir, {}, () => (downloads++, true))
    expect(downloads).toBe(0)
  })

  it('reports it missing when the download fails', () => {
    expect(ensureElectronBinary(electronDir, {}, () => false)).toHaveProperty('missing')
  })

  it('never downloads where downloads are switched off or the path is given', () => {
    let downloads = 0
    const download = (): boolean => (downloads++, install())
    const skip = { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }
    expect(ensureElectronBinary(electronDir, skip, download)).toHaveProperty('missing')
    const given = { ELECTRON_EXEC_PATH: join(electronDir, 'mine') }
    expect(ensureElectronBinary(electronDir, given, download)).toHaveProperty('missing')
    expect(downloads).toBe(0)
  })
})
