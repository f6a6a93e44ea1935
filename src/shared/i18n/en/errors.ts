/** Sentences for codes made outside the renderer (service errors, setup checks, Graph errors). */
export default {}
