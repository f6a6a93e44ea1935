/**
 * This desk's settings whatever its role: the hub's core and a seat's core each open the one
 * settings file with their own store, so what outlives a role change (the desktop's tray,
 * notifications and start-at-login) reads and listens through this, which follows the role.
 */
import type { Settings } from '../../../shared/settings'
import type { SettingsStore } from '../config'

export type DeskSettings = Pick<SettingsStore, 'get' | 'update' | 'onChange'>

type SettingsListener = Parameters<SettingsStore['onChange']>[0]

export interface RoleSettingsSource {
  /** The settings store of the role now. */
  current(): DeskSettings
  /** Heard after each role change, with the new role's store. */
  onChange(listener: (settings: DeskSettings) => void): () => void
}

export function roleSettings(source: RoleSettingsSource): DeskSettings {
  return {
    get: () => source.current().get(),
    update: (patch) => source.current().update(patch),
    onChange(listener: SettingsListener) {
      let store = source.current()
      let off = store.onChange(listener)
      const offRole = source.onChange((next) => {
        off()
        const previous: Settings = store.get()
        store = next
        off = next.onChange(listener)
        // The new role read the file afresh (a joined desk forgot its Page ids): say what changed.
        if (JSON.stringify(next.get()) !== JSON.stringify(previous)) listener(next.get(), previous)
      })
      return () => {
        off()
        offRole()
      }
    }
  }
}
