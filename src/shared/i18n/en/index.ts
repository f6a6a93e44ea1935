import calls from './calls'
import settings from './settings'
import app from './app'
import setup from './setup'
import history from './history'
import errors from './errors'
import shell from './shell'
import hours from './hours'
import followUp from './follow-up'

/** The English catalogue, one file per area of the app; the reference the others must match. */
export default { calls, settings, app, setup, history, errors, shell, hours, followUp }
