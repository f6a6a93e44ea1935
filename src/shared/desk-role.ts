/**
 * A desk's role (issue 13, items 1 and 2): a desk either holds the Page (the hub; a fresh install
 * starts so) or is a seat of a hub. Joining turns a desk into a seat with the invitation its hub's
 * owner made ("Add a desk"); leaving turns it back into a desk with no Page (the welcome again).
 */
import { z } from 'zod'

/** The invitation the hub printed or showed: `https://<hub>#msp1.<id>.<secret>.<fingerprint>`. */
export const InvitationSchema = z.string().trim().min(1).max(2000)

export const joinHubRequest = z
  .object({
    invitation: InvitationSchema,
    /**
     * The person confirmed that this desk forgets its Page secrets and stops its tunnel and
     * webhook. Required (true) when this desk has a Page; ignored when it has none.
     */
    forgetPage: z.boolean()
  })
  .strict()

export const leaveHubRequest = z.object({}).strict()

export interface JoinHubResult {
  /** The hub's desk name ("Front desk"): this desk is now its seat. */
  hubName: string
}

export interface LeaveHubResult {
  /**
   * True when the hub heard it and revoked this desk's key; false when the hub was unreachable
   * (its owner should remove the desk in Settings > Desks).
   */
  removedAtHub: boolean
}
