/**
 * The unseen missed calls of one desk, and its "I have seen them": the hub's own desk uses the
 * records' `seenAt` (so its tray and dock badge read the store as before), every seat desk its
 * own mark in SeenMarks. One desk marking its calls seen never changes another desk's count.
 */
import type { Logger } from '../log'
import type { HistoryStore } from './store'
import { SeenMarks } from './seen-marks'

type CountingStore = Pick<
  HistoryStore,
  'unseenMissedCount' | 'markMissedSeen' | 'missedEndedAfter' | 'newestMissedEnd'
>

export class DeskSeen {
  /** Reads the seats' marks (seen-marks.ts); `startOf` is where a desk without one starts. */
  static async open(
    dir: string,
    store: CountingStore,
    hubDesk: string,
    logger: Logger,
    startOf: (desk: string) => number | undefined
  ): Promise<DeskSeen> {
    return new DeskSeen(
      store,
      await SeenMarks.open(dir, logger.child('history'), { startOf }),
      hubDesk
    )
  }

  constructor(
    private readonly store: CountingStore,
    private readonly marks: Pick<SeenMarks, 'upTo' | 'set' | 'forget'>,
    /** The key of the hub's own desk (client-views.ts OWNER_DESK). */
    private readonly hubDesk: string
  ) {}

  unseen(desk: string): number {
    if (desk === this.hubDesk) return this.store.unseenMissedCount()
    return this.store.missedEndedAfter(this.marks.upTo(desk))
  }

  async markSeen(desk: string): Promise<void> {
    if (desk === this.hubDesk) {
      await this.store.markMissedSeen()
      return
    }
    await this.marks.set(desk, await this.store.newestMissedEnd())
  }

  forget(desk: string): Promise<void> {
    return this.marks.forget(desk)
  }
}
