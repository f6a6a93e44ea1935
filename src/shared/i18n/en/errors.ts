/**
 * Sentences for codes made outside the renderer (service errors, setup checks, Graph errors): main
 * sends them as words (shared/words.ts) and each window says them in its own language; main's
 * English `message` is made from these same texts (shared/words-english.ts).
 */
import core from './errors-core'
import setup from './errors-setup'
import config from './errors-config'

export default { ...core, setup, config }
