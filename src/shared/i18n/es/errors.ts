import type en from '../en/errors'
import core from './errors-core'
import setup from './errors-setup'
import config from './errors-config'

/** Frases para los códigos que llegan de fuera de la ventana, con las mismas claves que el inglés. */
export default { ...core, setup, config } satisfies typeof en
