/**
 * The calls ringing at this seat, as last heard from the hub, and how this desk's windows see
 * them. With "Ring on this desk" off they come silenced (listed, answerable, no ringtone or
 * toast). When the link falls they cannot be answered from here (accept would fail), so the seat
 * stops ringing them until the hub is back and says how they stand.
 */
import { ringsHere, type Call, type RingingCall } from '../../../shared/calls'

export class RingingAtSeat {
  private readonly calls = new Map<string, RingingCall>()

  /** @param ringHere this desk's own "Ring on this desk", read as each call is shown. */
  constructor(private readonly ringHere: () => boolean) {}

  /**
   * Follows every call update the seat passes on (the hub's view of it) and returns the call as
   * this desk's windows see it. A call the hub silenced (do not disturb) rings nowhere.
   */
  shown(call: Call): Call {
    if (ringsHere(call)) this.calls.set(call.id, call)
    else this.calls.delete(call.id)
    return ringsHere(call) && !this.ringHere() ? { ...call, silenced: true } : call
  }

  /** The calls ringing now, as the hub sent them (to show them again when the setting changes). */
  ringing(): RingingCall[] {
    return [...this.calls.values()]
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
