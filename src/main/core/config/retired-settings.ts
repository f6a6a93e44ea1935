/**
 * Settings an older version saved (or a hand edit put) that this one no longer takes from the file:
 * - `graph.apiUrl`: the Page token, the app secret and the app token go where it points, so only
 *   the environment (GRAPH_API_URL) may move it. One found in the file is ignored: Meta is used.
 * - `ice.turn.credential`: the TURN password is a secret; it moves to the secret store.
 */
import { DEFAULT_GRAPH_API_URL, parseOrigin } from '../../../shared/settings-fields'
import { isPlainObject, type JsonObject } from './lenient'

export interface RetiredSettings {
  /** A Graph address other than Meta's, as the file had it. */
  ignoredGraphUrl?: string
  /** The TURN password, to be moved to the secret store. */
  turnCredential?: string
}

/** Returns the file's object without the retired keys (the input is not changed), and them. */
export function takeRetiredSettings(input: unknown): { rest: unknown; retired: RetiredSettings } {
  if (!isPlainObject(input)) return { rest: input, retired: {} }
  const rest = structuredClone(input)
  const retired: RetiredSettings = {}
  const graph = rest.graph
  if (isPlainObject(graph) && 'apiUrl' in graph) {
    const address = graph.apiUrl
    delete graph.apiUrl
    // Meta's own address, saved by a version that wrote it out, changes nothing: no need to say.
    const meta = typeof address === 'string' && parseOrigin(address) === DEFAULT_GRAPH_API_URL
    if (!meta) {
      const text = typeof address === 'string' ? address : JSON.stringify(address)
      retired.ignoredGraphUrl = text.slice(0, 200)
    }
  }
  const turn = isPlainObject(rest.ice) ? rest.ice.turn : undefined
  if (isPlainObject(turn) && 'credential' in turn) {
    if (typeof turn.credential === 'string') retired.turnCredential = turn.credential
    delete (turn as JsonObject).credential
  }
  return { rest, retired }
}
