/**
 * Packs the app as `npm run dist` would, offline: electron-vite builds it, then electron-builder
 * makes the Linux `dir` target with `electronDist` pointing at a stub Electron (a folder with a fake
 * `electron` executable: all electron-builder copies and renames). Fuses stay off for this run, as
 * they can only be flipped in a real Electron binary; builder-config.test.ts checks their settings.
 * The test then opens the produced app.asar and checks what ships, and what must not.
 */
import { execFileSync } from 'node:child_process'
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extractFile, listPackage } from '@electron/asar'
import { Arch, Platform, build } from 'electron-builder'

const ROOT = join(import.meta.dirname, '../..')
const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

let work: string
let appDir: string
let asarPath: string
let files: string[]
let seconds: number

/** What electron-builder needs of an unpacked Electron for Linux: the executable, by name. */
async function stubElectron(dir: string): Promise<void> {
  await mkdir(join(dir, 'resources'), { recursive: true })
  await writeFile(join(dir, 'electron'), '#!/bin/sh\necho "stub Electron: cannot run"\nexit 1\n')
  await chmod(join(dir, 'electron'), 0o755)
  await writeFile(join(dir, 'LICENSE'), 'stub')
}

beforeAll(async () => {
  const started = Date.now()
  work = await mkdtemp(join(tmpdir(), 'softphone-packaging-'))
  execFileSync(join(ROOT, 'node_modules/.bin/electron-vite'), ['build'], {
    cwd: ROOT,
    stdio: 'pipe'
  })
  await stubElectron(join(work, 'electron-dist'))
  await build({
    projectDir: ROOT,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    config: {
      electronDist: join(work, 'electron-dist'),
      electronFuses: null,
      // No native modules to rebuild; rebuilding would look for Electron's headers online.
      npmRebuild: false,
      directories: { output: join(work, 'dist') }
    }
  })
  appDir = join(work, 'dist/linux-unpacked')
  asarPath = join(appDir, 'resources/app.asar')
  files = listPackage(asarPath, { isPack: false }).map((file) => file.replaceAll('\\', '/'))
  seconds = (Date.now() - started) / 1000
})

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

const read = (file: string): string =>
  extractFile(asarPath, file.replace(/^\//, '')).toString('utf8')
const isModule = (name: string) => (file: string) => file === `/node_modules/${name}`

describe('the packaged app', () => {
  it('is an executable named for Linux with its app.asar and tray icons', async () => {
    expect((await stat(join(appDir, 'messenger-softphone'))).isFile()).toBe(true)
    expect((await stat(join(appDir, 'resources/resources/tray/idle.png'))).isFile()).toBe(true)
    expect((await stat(join(appDir, 'resources/resources/tray/ringing@2x.png'))).isFile()).toBe(
      true
    )
    console.info(`packaging took ${seconds.toFixed(1)} s`)
  })

  it('contains the built main, preload and both renderer pages', () => {
    expect(files).toContain('/out/main/index.js')
    expect(files).toContain('/out/preload/index.cjs')
    expect(files).toContain('/out/renderer/index.html')
    expect(files).toContain('/out/renderer/toast.html')
    expect(files.some((file) => /^\/out\/renderer\/assets\/.+\.js$/.test(file))).toBe(true)
    expect(JSON.parse(read('package.json'))).toMatchObject({ main: './out/main/index.js' })
  })

  it('ships no sources, tests or source maps', () => {
    const own = files.filter((file) => !/^\/node_modules(\/|$)/.test(file))
    expect(own.filter((file) => !/^\/(out(\/|$)|package\.json$)/.test(file))).toEqual([])
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([])
    // Nor the headless core's build (npm run serve) or the renderer's manifest (the size check's).
    expect(files.filter((file) => /^\/out\/(core|renderer\/\.vite)(\/|$)/.test(file))).toEqual([])
    expect(
      files.filter(
        (file) => /\.(test|spec)\.[cm]?[jt]s$/.test(file) && !file.startsWith('/node_modules/')
      )
    ).toEqual([])
  })

  it('ships nothing secret', () => {
    const secret = /(^|\/)(\.env(\..*)?|secrets\.(json|enc)|bridge\.json|.*\.(pem|p12|pfx|key))$/
    expect(files.filter((file) => secret.test(file))).toEqual([])
  })

  it('carries the production dependencies, including the test call’s simulator stack', () => {
    for (const name of Object.keys(pkg.dependencies)) {
      expect(files.some(isModule(name)), `${name} is missing`).toBe(true)
    }
    for (const name of ['werift', 'opusscript', 'electron-log', 'electron-updater']) {
      expect(files.some(isModule(name))).toBe(true)
    }
  })

  it('carries no development dependency', () => {
    const production = new Set(Object.keys(pkg.dependencies))
    const shipped = Object.keys(pkg.devDependencies).filter(
      (name) => !production.has(name) && files.some(isModule(name))
    )
    expect(shipped).toEqual([])
    for (const name of [
      'electron',
      'vitest',
      'electron-builder',
      'typescript',
      'playwright-core'
    ]) {
      expect(files.some(isModule(name)), `${name} was packed`).toBe(false)
    }
  })

  it('has a main bundle that imports only what ships, and a preload that needs only electron', () => {
    const main = files
      .filter((file) => /^\/out\/main\/.+\.js$/.test(file))
      .map(read)
      .join('\n')
    const specifiers = new Set(
      [...main.matchAll(/(?:from\s*|import\s*\(\s*)["']([^"'.][^"']*)["']/g)].map(
        (m) => m[1] as string
      )
    )
    const builtin = new Set(builtinModules)
    const packageOf = (spec: string): string =>
      spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string)
    const missing = [...specifiers].filter(
      (spec) =>
        spec !== 'electron' &&
        !spec.startsWith('node:') &&
        !builtin.has(spec) &&
        !(packageOf(spec) in pkg.dependencies)
    )
    expect(missing).toEqual([])
    const preload = read('out/preload/index.cjs')
    expect([...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual([
      'electron'
    ])
  })

  /** A window's script and every chunk it imports at start, e.g. one shared with the other window. */
  function staticChunks(entry: string): Set<string> {
    const chunks = new Set([entry])
    for (const chunk of chunks) {
      for (const [, name] of read(chunk).matchAll(/from\s*["']\.\/([^"']+\.js)["']/g)) {
        chunks.add(`out/renderer/assets/${name}`)
      }
    }
    return chunks
  }

  it('has a preload of names only and a toast window without zod (issue 12, item 5)', () => {
    // Zod's classes keep their names as strings ("$ZodObject") through minification.
    const ZOD = /\$Zod[A-Z]/
    const preload = read('out/preload/index.cjs')
    expect(preload.length).toBeLessThan(10 * 1024)
    expect(preload).not.toMatch(ZOD)
    const entry = /src="\.\/(assets\/toast-[^"]+\.js)"/.exec(read('out/renderer/toast.html'))?.[1]
    expect(entry).toBeDefined()
    expect([...staticChunks(`out/renderer/${entry}`)].filter((c) => ZOD.test(read(c)))).toEqual([])
    // The check can see zod: the main window loads it (main.ts starts with zod-jitless), in
    // whichever of its chunks the bundler put it.
    const mainEntry = /src="\.\/(assets\/index-[^"]+\.js)"/.exec(
      read('out/renderer/index.html')
    )?.[1]
    expect(mainEntry).toBeDefined()
    expect([...staticChunks(`out/renderer/${mainEntry}`)].some((c) => ZOD.test(read(c)))).toBe(true)
  })
})
