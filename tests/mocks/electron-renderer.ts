/**
 * The renderer half of the fake `electron` module: what a preload imports (`contextBridge`,
 * `ipcRenderer`), wired to main's fake `ipcMain` and to the `webContents` the page runs in, so a
 * real preload and real IPC handlers talk to each other as in Electron:
 *
 * - `invoke` reaches the `ipcMain.handle` handler with the event a top frame of `contents` makes;
 *   a handler that throws rejects with Electron's "Error invoking remote method" wrapping.
 * - `send` reaches `ipcMain.on` listeners the same way.
 * - `contents.send(channel, ...)` reaches the page's `ipcRenderer.on` listeners a turn later.
 *
 * Everything crossing is copied with structuredClone, as Electron's IPC copies it: neither side
 * keeps a reference to the other's objects.
 */
import type { IpcRendererEvent } from 'electron'
import { ipcEvent, type FakeIpcMain, type FakeWebContents } from './electron'

type RendererListener = (event: IpcRendererEvent, ...args: unknown[]) => void

export class FakeIpcRenderer {
  constructor(
    private readonly ipcMain: FakeIpcMain,
    private readonly contents: FakeWebContents
  ) {}

  async invoke(channel: string, payload?: unknown): Promise<unknown> {
    let result: unknown
    try {
      result = await this.ipcMain.invoke(channel, ipcEvent(this.contents), structuredClone(payload))
    } catch (error) {
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`, {
        cause: error
      })
    }
    return structuredClone(result)
  }

  send(channel: string, payload?: unknown): void {
    this.ipcMain.sendFrom(channel, ipcEvent(this.contents), structuredClone(payload))
  }

  on(channel: string, listener: RendererListener): this {
    this.contents.pageIpc.on(channel, listener)
    return this
  }

  off(channel: string, listener: RendererListener): this {
    this.contents.pageIpc.off(channel, listener)
    return this
  }
}

/** `contextBridge`: what the preload exposes lands in `exposed`, the page's `window`. */
export class FakeContextBridge {
  readonly exposed = new Map<string, unknown>()

  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing "${key}"`)
    this.exposed.set(key, api)
  }
}

export interface FakePage {
  /** The `electron` module as the preload sees it: `vi.mock('electron', () => page.electron)`. */
  electron: { contextBridge: FakeContextBridge; ipcRenderer: FakeIpcRenderer }
  /** What the page's script reads from `window` (window.softphone, window.shell...). */
  window(key: string): unknown
}

/** A page in `contents`, whose preload talks to `ipcMain`. */
export function createFakePage(ipcMain: FakeIpcMain, contents: FakeWebContents): FakePage {
  const contextBridge = new FakeContextBridge()
  const ipcRenderer = new FakeIpcRenderer(ipcMain, contents)
  return {
    electron: { contextBridge, ipcRenderer },
    window(key) {
      if (!contextBridge.exposed.has(key)) throw new Error(`window.${key} was never exposed`)
      return contextBridge.exposed.get(key)
    }
  }
}
