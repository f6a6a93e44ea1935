import type en from '../en/history'

/** Historial de llamadas: la lista, sus filtros, la calidad y devolver la llamada. */
export default {} satisfies typeof en
