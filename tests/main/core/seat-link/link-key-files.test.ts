import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isAppDataFile } from '../../../../src/main/core/config/private-files'
import {
  LINK_KEY_FILE,
  forgetPinnedHub,
  loadHubPin,
  loadOrCreateLinkKeyPair,
  loadPinnedHub,
  PINNED_HUB_FILE,
  saveHubAddress,
  savePinnedHub
} from '../../../../src/main/core/seat-link/link-key-files'
import { generateKeyPair } from '../../../../src/main/core/seat-link/noise-primitives'
import { SEATS_FILE, SeatRegistry } from '../../../../src/main/core/seat-link/seat-registry'

const posix = process.platform !== 'win32'
let root: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'seat-link-keys-'))
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('the seat link key files', () => {
  it('makes the desk key once, private, and reads the same key back', async () => {
    const dir = join(root, 'data')
    const made = await loadOrCreateLinkKeyPair(dir)
    const again = await loadOrCreateLinkKeyPair(dir)
    expect(again.publicKey).toEqual(made.publicKey)
    if (posix) {
      expect((await stat(dir)).mode & 0o777).toBe(0o700)
      expect((await stat(join(dir, LINK_KEY_FILE))).mode & 0o777).toBe(0o600)
    }
  })

  it('refuses a damaged key file instead of replacing the hub identity', async () => {
    const dir = join(root, 'data')
    await loadOrCreateLinkKeyPair(dir)
    const file = join(dir, LINK_KEY_FILE)
    const saved = JSON.parse(await readFile(file, 'utf8')) as { publicKey: string }
    saved.publicKey = generateKeyPair().publicKey.toString('base64')
    await writeFile(file, JSON.stringify(saved))
    await expect(loadOrCreateLinkKeyPair(dir)).rejects.toThrow(/damaged/)
    await writeFile(file, '{')
    await expect(loadOrCreateLinkKeyPair(dir)).rejects.toThrow(/not valid JSON/)
  })

  it('keeps the pinned hub key on a seat', async () => {
    const dir = join(root, 'seat')
    expect(await loadPinnedHub(dir)).toBeUndefined()
    const hubKey = generateKeyPair().publicKey
    await savePinnedHub(dir, hubKey)
    expect(await loadPinnedHub(dir)).toEqual(hubKey)
    if (posix) expect((await stat(join(dir, PINNED_HUB_FILE))).mode & 0o777).toBe(0o600)
  })

  it("records the hub's address beside the pin, reads older pins without one, and forgets it", async () => {
    const dir = join(root, 'seat')
    const hubKey = generateKeyPair().publicKey
    await savePinnedHub(dir, hubKey, 1000)
    // A pin from before the address was kept: still the key, and no address.
    expect(await loadHubPin(dir)).toEqual({ hubPublicKey: hubKey, pairedAt: 1000 })
    await saveHubAddress(dir, 'https://hub.example.com/')
    expect(await loadHubPin(dir)).toEqual({
      hubPublicKey: hubKey,
      pairedAt: 1000,
      hubUrl: 'https://hub.example.com/'
    })
    expect(await loadPinnedHub(dir)).toEqual(hubKey)
    await forgetPinnedHub(dir)
    expect(await loadHubPin(dir)).toBeUndefined()
    await expect(saveHubAddress(dir, 'https://hub.example.com/')).rejects.toThrow(/pair first/)
    // This desk's own key is not the pin: it stays.
    await loadOrCreateLinkKeyPair(dir)
    await forgetPinnedHub(dir)
    expect(await readFile(join(dir, LINK_KEY_FILE), 'utf8')).toContain('privateKey')
  })

  it('keeps the desks list private, and refuses a damaged one rather than forget every desk', async () => {
    const dir = join(root, 'hub')
    const seats = await SeatRegistry.open(dir)
    await seats.add('Front desk', generateKeyPair().publicKey)
    if (posix) expect((await stat(join(dir, SEATS_FILE))).mode & 0o777).toBe(0o600)
    expect((await SeatRegistry.open(dir)).list().map(({ name }) => name)).toEqual(['Front desk'])
    await writeFile(join(dir, SEATS_FILE), '{"version":1,"seats":[{"name":""}]}')
    await expect(SeatRegistry.open(dir)).rejects.toThrow(/list of desks/)
  })

  it('counts as the app’s own data, so the start sweep keeps them private', () => {
    for (const name of [LINK_KEY_FILE, PINNED_HUB_FILE, SEATS_FILE]) {
      expect(isAppDataFile(name), name).toBe(true)
    }
  })
})
