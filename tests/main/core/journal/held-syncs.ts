/**
 * A controllable fdatasync for the append log's tests: each call is held until the test releases
 * (or fails) it, in any order, and records what the file held when it was called (the bytes that
 * fsync is obliged to cover). Node's FileHandle class is not exported: its prototype is reached
 * through a handle.
 */
import { readFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { vi } from 'vitest'

export interface HeldSync {
  /** The file's bytes up to its first zero when fdatasync was called. */
  covers: string
  /** Runs the real fdatasync, then lets the caller go on. */
  release(): Promise<void>
  fail(error: Error): void
  /** Whether the caller has been let go (released or failed). */
  settled: boolean
}

type DatasyncHolder = { datasync: () => Promise<void> }

export async function holdSyncs(probeDir: string, file: string): Promise<HeldSync[]> {
  const probe = await open(`${probeDir}/probe`, 'w')
  const prototype = Object.getPrototypeOf(probe) as DatasyncHolder
  await probe.close()
  const original = prototype.datasync
  const held: HeldSync[] = []
  vi.spyOn(prototype, 'datasync').mockImplementation(async function (this: DatasyncHolder) {
    // Read at once: a write started after this call must not count as covered.
    const bytes = readFileSync(file)
    const zero = bytes.indexOf(0)
    const covers = bytes.subarray(0, zero === -1 ? bytes.length : zero).toString('utf8')
    await new Promise<void>((resolve, reject) => {
      const sync: HeldSync = {
        covers,
        settled: false,
        release: async () => {
          await original.call(this)
          sync.settled = true
          resolve()
        },
        fail: (error) => {
          sync.settled = true
          reject(error)
        }
      }
      held.push(sync)
    })
  })
  return held
}

/** Lets pending I/O and promise callbacks run. */
export async function settle(ms = 20): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms))
}

type WriteHolder = { write: (data: Uint8Array, ...rest: unknown[]) => Promise<unknown> }

/**
 * Holds the first write whose bytes contain `marker` until the returned function is called;
 * `started` tells whether it has begun.
 */
export async function holdWrite(
  probeDir: string,
  marker: string
): Promise<{ release: () => void; started: () => boolean }> {
  const probe = await open(`${probeDir}/probe`, 'w')
  const prototype = Object.getPrototypeOf(probe) as WriteHolder
  await probe.close()
  const original = prototype.write
  let gate: Promise<void> | undefined
  let letGo!: () => void
  vi.spyOn(prototype, 'write').mockImplementation(async function (
    this: WriteHolder,
    data,
    ...rest
  ) {
    if (!gate && Buffer.from(data).toString('utf8').includes(marker)) {
      gate = new Promise((resolve) => (letGo = resolve))
      await gate
    }
    return original.call(this, data, ...rest)
  })
  return { release: () => letGo(), started: () => gate !== undefined }
}
