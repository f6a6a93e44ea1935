/**
 * The desktop app's commands come through contextBridge, which drops every field of an Error but
 * its message; the preload therefore rejects with plain data and this door makes it a ServiceError
 * again, so the page can tell a seat's 'forbidden' from a fault.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { SoftphoneBridge } from '../../../src/preload/bridge'
import { connectSoftphone, withServiceErrors } from '../../../src/renderer/src/services/softphone'
import { ServiceError } from '../../../src/shared/service-error'
import { FakeSoftphone } from '../support/fake-softphone'

/** A preload as contextBridge delivers it: each refusal arrives as a plain `{ code, message }`. */
function bridgeRefusing(code: string, message: string): SoftphoneBridge {
  return new Proxy(new FakeSoftphone().bridge, {
    get(target, key) {
      if (key === 'listDesks') return () => Promise.reject({ code, message })
      return Reflect.get(target, key) as unknown
    }
  })
}

afterEach(() => {
  delete window.softphone
})

describe('the desktop door to the service', () => {
  it('rebuilds a refusal that crossed the bridge as a ServiceError with its code', async () => {
    const api = withServiceErrors(bridgeRefusing('forbidden', 'Only the hub can see this.'))
    const failure = api.listDesks({})
    await expect(failure).rejects.toBeInstanceOf(ServiceError)
    await expect(failure).rejects.toMatchObject({
      code: 'forbidden',
      message: 'Only the hub can see this.'
    })
  })

  it('passes results, events and other failures through unchanged', async () => {
    const fake = new FakeSoftphone()
    const api = withServiceErrors(fake.bridge)
    await expect(api.getStatus({})).resolves.toEqual(fake.status)
    const strange = withServiceErrors(bridgeRefusing('no-such-code', 'odd'))
    await expect(strange.listDesks({})).rejects.toEqual({ code: 'no-such-code', message: 'odd' })
  })

  it('is what connectSoftphone hands the app in the desktop window', async () => {
    window.softphone = bridgeRefusing(
      'not-configured',
      'This desk cannot have other desks join it.'
    )
    const api = await connectSoftphone()
    await expect(api.listDesks({})).rejects.toMatchObject({ code: 'not-configured' })
  })
})
