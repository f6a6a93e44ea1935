import type en from '../en/follow-up'

/** No perder a ningún cliente: la respuesta a llamadas perdidas, la lista Por devolver, el botón de llamada. */
export default {} satisfies typeof en
