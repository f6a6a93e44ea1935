/** Call history: the list, its filters, call quality and call back. */
export default {}
