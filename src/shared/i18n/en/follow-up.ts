/** Never lose a customer: the missed-call reply, the To call back list, the call button. */
export default {}
