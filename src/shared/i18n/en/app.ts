/** The main window's frame: navigation, home, connection status, notices and announcements. */
export default {}
