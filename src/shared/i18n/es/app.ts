import type en from '../en/app'

/** El marco de la ventana principal: navegación, inicio, estado de la conexión, avisos y anuncios. */
export default {} satisfies typeof en
