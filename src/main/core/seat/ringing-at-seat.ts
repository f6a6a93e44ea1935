/**
 * The calls ringing at this seat, as last heard from the hub. When the link falls they cannot be
 * answered from here (accept would fail), so the seat stops ringing them until the hub is back
 * and says how they stand.
 */
import { ringsHere, type Call, type RingingCall } from '../../../shared/calls'

export class RingingAtSeat {
  private readonly calls = new Map<string, RingingCall>()

  /** Follows every call update the seat passes on; a silenced call (do not disturb) rings nowhere. */
  seen(call: Call): void {
    if (ringsHere(call)) this.calls.set(call.id, call)
    else this.calls.delete(call.id)
  }

  /**
   * The ringing calls, silenced, for the seat's windows while the hub is unreachable; forgotten
   * here, since the hub tells them again (or their end) once it is back.
   */
  silenceAll(): RingingCall[] {
    const silenced = [...this.calls.values()].map((call) => ({ ...call, silenced: true as const }))
    this.calls.clear()
    return silenced
  }
}
