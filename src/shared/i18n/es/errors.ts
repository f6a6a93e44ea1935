import type en from '../en/errors'

/** Frases para los códigos que llegan de fuera de la ventana (servicio, comprobaciones, errores de Graph). */
export default {} satisfies typeof en
