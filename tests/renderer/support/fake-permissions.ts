/**
 * navigator.permissions for renderer tests: the microphone's permission state, which a test sets
 * and changes (firing 'change' as Chromium does). happy-dom's own answers 'granted' to everything;
 * this one starts at 'prompt', the state of a desk that has never been asked.
 */
class FakePermissionStatus extends EventTarget {
  readonly name = 'microphone'
  onchange: ((event: Event) => void) | null = null
  constructor(public state: PermissionState) {
    super()
  }
}

export interface FakePermissions {
  readonly microphone: PermissionStatus
  /** How many times the page asked. */
  readonly queries: number
  /** The user (or the browser) changes the microphone's permission. */
  set(state: PermissionState): void
  /** The next queries fail, as in an engine that does not know the 'microphone' name. */
  unsupported(): void
  uninstall(): void
}

export function installFakePermissions(initial: PermissionState = 'prompt'): FakePermissions {
  const status = new FakePermissionStatus(initial)
  let queries = 0
  let known = true
  Object.defineProperty(navigator, 'permissions', {
    configurable: true,
    value: {
      async query(descriptor: PermissionDescriptor): Promise<PermissionStatus> {
        queries += 1
        if (!known || descriptor.name !== status.name) throw new TypeError('unknown permission')
        return status as unknown as PermissionStatus
      }
    }
  })
  return {
    microphone: status as unknown as PermissionStatus,
    get queries() {
      return queries
    },
    set(state) {
      status.state = state
      const event = new Event('change')
      status.dispatchEvent(event)
      status.onchange?.(event)
    },
    unsupported() {
      known = false
    },
    uninstall() {
      Reflect.deleteProperty(navigator, 'permissions')
    }
  }
}
