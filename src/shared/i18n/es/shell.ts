import type en from '../en/shell'

/** Textos que muestra el propio escritorio: la notificación, el menú de la bandeja, la pregunta al salir. */
export default {} satisfies typeof en
