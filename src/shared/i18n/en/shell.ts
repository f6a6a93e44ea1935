/**
 * Texts the desktop shell shows itself: the notifications, the tray icon's tooltip and menu, the
 * quit question, the application menu and the dialogs of a failed start.
 */
export default {
  notification: {
    callTitle: 'Incoming Messenger call',
    callBody: '{caller} is calling your Page.',
    updateTitle: '{app} {version} is ready',
    updateBody: 'It will be installed when you quit the app.'
  },
  tray: {
    open: 'Open {app}',
    testCall: 'Test call',
    testCallUnavailable: 'Test call (not available yet)',
    doNotDisturb: 'Do not disturb',
    startAtLogin: 'Start at login',
    quit: 'Quit'
  },
  tooltip: {
    app: '{app}: {status}',
    starting: 'starting',
    ringing: '{caller} is calling',
    ringingMore: '{caller} is calling (+{more} more)',
    inCall: 'In a call with {caller}',
    ready: 'Ready for calls',
    quiet: '{status} (do not disturb)',
    closedUntil: '{status} (closed until {when}: {calls})',
    noOpening: '{status} (no opening hours: {calls})',
    callsQuiet: 'calls ring out quietly',
    callsDeclined: 'calls are declined',
    /** Not a text: how this language writes the opening's weekday and time (Intl). */
    dateLocale: 'en-GB',
    missedOne: '{status} (1 missed call)',
    missedMany: '{status} ({count} missed calls)',
    notSetUp: 'Not set up: open the app to connect your Facebook Page',
    notListening: 'Not listening for calls: the local webhook did not start',
    noPublicUrl: 'Calls cannot reach this computer yet: no public webhook address',
    hubWithoutPage: 'The hub has no Facebook Page connected yet'
  },
  quit: {
    title: 'Quit while calls are in progress?',
    hubOne: '1 call is in progress on your desks; quitting ends it for the customer.',
    hubMany: '{count} calls are in progress on your desks; quitting ends them for the customers.',
    seatOne: '1 call is in progress on this desk; if you quit, the customer is cut off.',
    seatMany: '{count} calls are in progress on this desk; if you quit, the customers are cut off.',
    quitAndEnd: 'Quit and end calls',
    keepRunning: 'Keep running'
  },
  /** "&" marks the letter Alt reaches the menu with (Windows and Linux). */
  menu: {
    file: '&File',
    edit: '&Edit',
    view: '&View',
    window: 'Window',
    quit: 'Quit',
    quitApp: 'Quit {app}',
    about: 'About {app}',
    services: 'Services',
    hide: 'Hide {app}',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    minimize: 'Minimize',
    zoom: 'Zoom',
    close: 'Close Window'
  },
  dialog: {
    cannotReceive: '{app} cannot receive calls',
    couldNotStart: '{app} could not start',
    portInUse:
      'Port {port} ({variable}) is already in use, so another copy of the softphone is probably running: close it, or set {variable} to a free port.'
  },
  /** The toast window's title (what a screen reader or window switcher names it). */
  toastTitle: 'Incoming call'
}
