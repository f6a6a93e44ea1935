/**
 * The hub's desks (issue 13): the other installs of the app that ring and answer as seats of this
 * hub. Only the owner (the hub's own windows, the `npm run hub` command line) may list, add or
 * remove them; a seat never sees this list.
 */
import { z } from 'zod'

/** A desk's name as people know it ("Front desk"); unique among the hub's desks, ignoring case. */
export const DeskNameSchema = z.string().trim().min(1).max(40)

export const addDeskRequest = z.object({ name: DeskNameSchema }).strict()
export const removeDeskRequest = z.object({ name: DeskNameSchema }).strict()

/** What "Add a desk" shows: everything a new desk needs to join, used once. */
export interface DeskInvitation {
  /** The desk's name, as it will be listed. */
  name: string
  /**
   * The one text the new desk pastes (or `SOFTPHONE_PAIRING_CODE` takes): the hub's address, a
   * one-time secret and the fingerprint of the hub's key, so pairing needs nothing else.
   */
  code: string
  /** The hub's public address the code points at; absent while the hub has none (no tunnel). */
  hubUrl?: string | undefined
  /** Epoch ms after which the code no longer works (10 minutes after it was made). */
  expiresAt: number
}

export interface DeskSummary {
  name: string
  /** Connected to the hub right now. */
  online: boolean
  /**
   * Epoch ms it was last seen: when it connected (while online) or disconnected; absent: it has
   * not connected since the hub started.
   */
  lastSeenAt?: number | undefined
  /** Calls it answered since local midnight on the hub. */
  answeredToday: number
  pairedAt: number
}

/**
 * Desks on the hub's local network (settings `seats.lan`) while the owner has it on: `open` with
 * where they reach the hub (`host:port`; absent when this computer shows no network address), or
 * `failed` with the sentence saying why they cannot.
 */
export type DesksOnNetwork =
  { state: 'open'; address?: string | undefined } | { state: 'failed'; sentence: string }

export interface DeskList {
  desks: DeskSummary[]
  /** Absent while desks on the local network may not connect directly (the default). */
  onNetwork?: DesksOnNetwork | undefined
}
