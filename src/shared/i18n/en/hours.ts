/** Business hours: the weekly hours, holidays and time zone editor. */
export default {}
