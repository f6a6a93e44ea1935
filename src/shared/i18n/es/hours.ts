import type en from '../en/hours'

/** Horario de atención: horas de la semana, festivos y zona horaria. */
export default {} satisfies typeof en
