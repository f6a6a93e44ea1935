import type en from '../en'
import calls from './calls'
import settings from './settings'
import app from './app'
import setup from './setup'
import history from './history'
import errors from './errors'
import shell from './shell'
import hours from './hours'
import followUp from './follow-up'

/** El catálogo en español, un archivo por área, con las mismas claves que el inglés. */
export default {
  calls,
  settings,
  app,
  setup,
  history,
  errors,
  shell,
  hours,
  followUp
} satisfies typeof en
