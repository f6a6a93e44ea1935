import type { FileHandle } from 'node:fs/promises'

/** FileHandle.write may write less than asked (a full disk): loop until all is out or it throws. */
export async function writeFully(handle: FileHandle, data: Uint8Array): Promise<void> {
  let offset = 0
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset, null)
    if (bytesWritten === 0) throw new Error('Could not write to the call history file')
    offset += bytesWritten
  }
}
