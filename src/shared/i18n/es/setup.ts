import type en from '../en/setup'

/** Configurar la página y unirse a un puesto central: asistente, credenciales, comprobaciones y avisos. */
export default {} satisfies typeof en
