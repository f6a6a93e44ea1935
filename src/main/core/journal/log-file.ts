/** File operations of the append log (see append-log.ts). */
import { open, readFile, type FileHandle } from 'node:fs/promises'

/** One descriptor per fsync slot, the first of which also writes. */
export type SyncHandles = [FileHandle, ...FileHandle[]]

/**
 * Opens `count` descriptors of `file`. Each one learns of a failed writeback on its next fsync,
 * whichever descriptor wrote the bytes: all are opened before lines are written through any.
 */
export async function openSyncHandles(file: string, count: number): Promise<SyncHandles> {
  const first = await open(file, 'r+')
  try {
    return [first, ...(await openDescriptors(file, count - 1))]
  } catch (error) {
    await first.close().catch(() => undefined)
    throw error
  }
}

/** `count` more descriptors of `file`, open for writes at chosen offsets. */
export async function openDescriptors(file: string, count: number): Promise<FileHandle[]> {
  const handles: FileHandle[] = []
  try {
    for (let i = 0; i < count; i++) handles.push(await open(file, 'r+'))
    return handles
  } catch (error) {
    await closeAll(handles)
    throw error
  }
}

/** FileHandle.write may write less than asked (a full disk): loop until all is out or it throws. */
export async function writeAt(
  handle: FileHandle,
  data: Uint8Array,
  position: number
): Promise<void> {
  let offset = 0
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(
      data,
      offset,
      data.length - offset,
      position + offset
    )
    if (bytesWritten === 0) throw new Error('Could not write to the journal')
    offset += bytesWritten
  }
}

/** Best effort: bytes from `from` to `capacity` become zeros again, the file `capacity` long. */
export async function zeroFrom(handle: FileHandle, from: number, capacity: number): Promise<void> {
  await handle
    .truncate(capacity)
    .then(() => writeAt(handle, Buffer.alloc(capacity - from), from))
    .catch(() => undefined)
}

export async function closeAll(handles: readonly FileHandle[] | undefined): Promise<void> {
  await Promise.all((handles ?? []).map((handle) => handle.close().catch(() => undefined)))
}

/**
 * What the file holds: its bytes (undefined if it does not exist), where its lines end (the first
 * zero), where its complete lines end (a torn last line is left out), and those lines.
 */
export async function readLines(file: string): Promise<{
  data: Buffer | undefined
  end: number
  complete: number
  lines: string[]
}> {
  const data = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw error
  })
  const bytes = data ?? Buffer.alloc(0)
  const zero = bytes.indexOf(0)
  const end = zero === -1 ? bytes.length : zero
  const complete = bytes.subarray(0, end).lastIndexOf(0x0a) + 1
  const lines = bytes
    .subarray(0, complete)
    .toString('utf8')
    .split('\n')
    .filter((line) => line.length > 0)
  return { data, end, complete, lines }
}
