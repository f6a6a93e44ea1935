/** The hub's stable tunnel subdomain: the same on every start of one install, its own per install. */
import { afterEach, describe, expect, it } from 'vitest'
import { SUBDOMAIN } from '../../../../src/shared/settings-fields'
import { silentLogger } from '../../../../src/main/core/log'
import { openHubSeats } from '../../../../src/main/core/seat-link/hub-seats'
import { keyFingerprint } from '../../../../src/main/core/seat-link/pairing-code'
import { runCleanups, tempDir } from './echo-hub'

afterEach(runCleanups)

async function subdomainOf(dataDir: string) {
  const seats = await openHubSeats({
    dataDir,
    webhook: { serveUpgrades: () => () => undefined },
    service: { attach: () => () => undefined, dispatch: async () => undefined },
    logger: silentLogger
  })
  await seats.close()
  return {
    subdomain: seats.tunnelSubdomain,
    fingerprint: keyFingerprint(seats.pairing.keyPair.publicKey).toString('hex')
  }
}

describe("the hub's tunnel subdomain", () => {
  it('stays the same across restarts of one install and differs between installs', async () => {
    const dir = await tempDir()
    const first = await subdomainOf(dir)
    expect((await subdomainOf(dir)).subdomain).toBe(first.subdomain)
    expect((await subdomainOf(await tempDir())).subdomain).not.toBe(first.subdomain)
    // One DNS label localtunnel accepts, that does not give the hub's key fingerprint away.
    expect(first.subdomain).toMatch(SUBDOMAIN)
    expect(first.subdomain).toMatch(/^(?:[a-z0-9][a-z0-9-]{4,63}[a-z0-9]|[a-z0-9]{4,63})$/)
    expect(first.fingerprint).not.toContain(first.subdomain.slice('desk-'.length))
  })
})
