/**
 * The installer configuration as electron-builder itself reads it: schema-valid, fuses flipped as
 * the security checklist asks, the identity the app uses at run time, and a commented, minimal
 * set of macOS entitlements.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { DebugLogger } from 'builder-util'
import type { Configuration } from 'app-builder-lib'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { sanitizeFileName } from 'builder-util/out/filename'
import { APP_ID, APP_NAME } from '../../src/main/desktop/app-identity'

const ROOT = join(import.meta.dirname, '../..')
let config: Configuration

beforeAll(async () => {
  config = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null)
})

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('flips the Electron fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true
    })
  })

  it('re-signs ad hoc after flipping the fuses, so an unsigned build starts on Apple Silicon', () => {
    expect(config.electronFuses?.resetAdHocDarwinSignature).toBe(true)
    // No explicit ad-hoc identity: with the hardened runtime it would need disable-library-validation.
    expect(config.mac?.identity).toBeUndefined()
  })

  it('names the app as the app names itself', () => {
    expect(config.appId).toBe(APP_ID)
    expect(config.productName).toBe(APP_NAME)
  })

  it('packs only the build into an asar, without source maps', () => {
    expect(config.asar).toBe(true)
    const files = JSON.stringify(config.files)
    expect(files).toContain('out/**')
    expect(files).toContain('!**/*.map')
    expect(files).not.toMatch(/"src\/|"tests\//)
  })

  it('builds NSIS, dmg + zip, AppImage + deb, and publishes to GitHub releases', () => {
    const targets = (list: unknown): string[] =>
      (Array.isArray(list) ? list : [list]).map((t) =>
        typeof t === 'string' ? t : (t as { target: string }).target
      )
    expect(targets(config.win?.target)).toEqual(['nsis'])
    expect(targets(config.mac?.target)).toEqual(['dmg', 'zip'])
    expect(targets(config.linux?.target)).toEqual(['AppImage', 'deb'])
    expect(config.publish).toMatchObject({ provider: 'github' })
  })

  it('asks for the microphone with a sentence, under the hardened runtime', () => {
    expect(config.mac?.hardenedRuntime).toBe(true)
    expect(config.mac?.extendInfo?.NSMicrophoneUsageDescription).toMatch(/microphone/)
    expect(config.mac?.entitlements).toBe('build/entitlements.mac.plist')
  })

  it('grants only commented entitlements: JIT for V8 and audio input, no camera', () => {
    const plist = readFileSync(join(ROOT, 'build/entitlements.mac.plist'), 'utf8')
    const dict = plist.slice(plist.indexOf('<dict>'))
    const keys = [...dict.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])
    expect(keys).toEqual([
      'com.apple.security.cs.allow-jit',
      'com.apple.security.device.audio-input'
    ])
    // Each key is preceded by a comment that says why.
    expect(plist).not.toMatch(/<key>com\.apple\.security\.cs\.disable-library-validation/)
    for (const key of keys) {
      expect(dict).toMatch(new RegExp(`-->\\s*<key>${key?.replaceAll('.', '\\.')}</key>`))
    }
  })

  describe('the .deb on Ubuntu 24.04+: an AppArmor profile instead of turning off the sandbox', () => {
    const template = (path: string): string =>
      readFileSync(join(ROOT, 'node_modules/app-builder-lib/templates/linux', path), 'utf8')
    // As electron-builder's FpmTarget fills its templates.
    const fill = (text: string): string => {
      const values: Record<string, string | undefined> = {
        executable: config.linux?.executableName ?? undefined,
        sanitizedProductName: sanitizeFileName(config.productName ?? '')
      }
      return text.replace(/\$\{([a-zA-Z]+)\}/g, (_match, name: string) => {
        const value = values[name]
        if (value === undefined) throw new Error(`Macro ${name} is not defined`)
        return value
      })
    }

    it('allows user namespaces to the installed binary only, nothing else', () => {
      const path = config.deb?.appArmorProfile
      expect(path).toBe('build/linux/apparmor-profile.tpl')
      const profile = fill(readFileSync(join(ROOT, path ?? ''), 'utf8'))
      expect(profile).toContain('abi <abi/4.0>,')
      expect(profile).toContain('include <tunables/global>')
      expect(profile).toContain(
        'profile "messenger-softphone" "/opt/Messenger Softphone/messenger-softphone" flags=(unconfined) {'
      )
      expect(profile).toMatch(/^\s*userns,$/m)
      expect(profile).toContain('include if exists <local/messenger-softphone>')
    })

    it('keeps electron-builder’s install scripts, which install, load and unload that profile', () => {
      expect(config.deb?.afterInstall).toBeUndefined()
      expect(config.deb?.afterRemove).toBeUndefined()
      const install = fill(template('after-install.tpl'))
      expect(install).toContain('/opt/Messenger Softphone/resources/apparmor-profile')
      expect(install).toContain("APPARMOR_PROFILE_TARGET='/etc/apparmor.d/messenger-softphone'")
      expect(install).toMatch(/apparmor_parser --replace/)
      const remove = fill(template('after-remove.tpl'))
      expect(remove).toMatch(/apparmor_parser --remove/)
    })
  })
})
