import type en from '../en'
import calls from './calls'
import settings from './settings'

/** El catálogo en español, un archivo por área, con las mismas claves que el inglés. */
export default { calls, settings } satisfies typeof en
