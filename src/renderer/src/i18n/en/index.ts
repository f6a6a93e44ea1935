import calls from './calls'
import settings from './settings'

/** The English catalogue, one file per area of the app; the reference the others must match. */
export default { calls, settings }
