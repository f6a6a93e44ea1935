/**
 * What the composition root tears down on quit, in reverse order of creation (VS Code's
 * DisposableStore, reduced to what we need). One failing or hanging step never keeps the others
 * from running, nor the app from quitting.
 */
import type { Logger } from '../log'

export type Dispose = () => void | Promise<unknown>

/** A step that has not finished by then is abandoned: a stuck quit is worse than an unclean one. */
export const DISPOSE_TIMEOUT_MS = 5_000

export class Disposables {
  private readonly steps: { name: string; dispose: Dispose }[] = []
  private disposing: Promise<boolean> | undefined

  constructor(
    private readonly log: Logger,
    private readonly timeoutMs = DISPOSE_TIMEOUT_MS
  ) {}

  add(name: string, dispose: Dispose): void {
    if (this.disposing) {
      // Created while shutting down (a late async start): undo it straight away.
      void this.run({ name, dispose })
      return
    }
    this.steps.push({ name, dispose })
  }

  get disposed(): boolean {
    return this.disposing !== undefined
  }

  /**
   * Runs every step once, last added first; later calls return the same promise. Resolves true
   * when every step stopped cleanly (none failed, none was given up on).
   */
  dispose(): Promise<boolean> {
    this.disposing ??= (async () => {
      let clean = true
      for (const step of this.steps.splice(0).reverse()) clean = (await this.run(step)) && clean
      return clean
    })()
    return this.disposing
  }

  private async run(step: { name: string; dispose: Dispose }): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<'timeout'>((resolve) => {
      // Timer "dispose step timeout" (once per step, on stop).
      timer = setTimeout(() => resolve('timeout'), this.timeoutMs)
    })
    try {
      const outcome = await Promise.race([Promise.resolve().then(step.dispose), timeout])
      if (outcome !== 'timeout') return true
      this.log.warn('gave up waiting for a service to stop', step)
    } catch (error) {
      this.log.error('a service did not stop cleanly', { name: step.name, error })
    } finally {
      clearTimeout(timer)
    }
    return false
  }
}
