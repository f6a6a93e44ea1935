/** Texts the desktop shell shows itself: the notification, the tray menu, the quit question. */
export default {}
