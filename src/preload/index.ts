/**
 * The bridge between the sandboxed renderer and main. It exposes named functions only: the
 * renderer never gets `ipcRenderer`, so it can call nothing the contract does not name.
 */
import { contextBridge, ipcRenderer } from 'electron'

const softphone = {
  version: (): Promise<string> => ipcRenderer.invoke('app:version') as Promise<string>
}

export type SoftphoneBridge = typeof softphone

contextBridge.exposeInMainWorld('softphone', softphone)
