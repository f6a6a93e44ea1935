/** The main window's frame: navigation, home, connection status, notices and announcements. */
export default {
  name: 'Messenger Softphone',
  /** The window (and taskbar) title while missed calls are unseen. */
  titleWithMissed: '({count}) {name}',
  incomingCalls: 'Incoming calls',
  nav: {
    label: 'Sections',
    home: 'Calls',
    history: 'History',
    tasks: 'To call back',
    /** Read after the To call back tab's number. */
    tasksOpen: '{count} open',
    settings: 'Settings',
    setup: 'Page setup',
    missedOne: '{count} missed',
    missedMany: '{count} missed',
    /** Read after the badge's number by screen readers. */
    missedAfterOne: 'missed',
    missedAfterMany: 'missed'
  },
  chip: {
    noPage: 'No Page connected',
    connected: 'Page connected',
    checking: 'Checking the Page',
    problem: 'Calls cannot arrive'
  },
  connection: {
    toHub: 'Connection to the hub',
    toFacebook: 'Connection to Facebook',
    noPage: 'No Page connected',
    pageSetup: 'Page setup'
  },
  dismissNotice: 'Dismiss',
  notices: {
    answeredBy: 'Answered by {desk}',
    answeredElsewhere: 'Answered elsewhere',
    callerHungUp: 'The caller hung up.',
    callEnded: 'Call ended · {duration}',
    declined: 'Call declined.',
    ringTimeout: 'Missed call: nobody answered in time.',
    noAnswer: 'The customer did not answer.',
    failed: 'The call failed.'
  },
  avatar: {
    testCaller: 'Test caller'
  },
  welcome: {
    region: 'Welcome',
    title: 'Hear it work before you connect your Page',
    intro:
      'No Facebook Page is connected yet. Place a test call: a simulated customer rings this desk, greets you, then plays your own voice back, so you can check your microphone and speakers.',
    testCall: 'Test call',
    setUp: 'Set up this desk'
  },
  home: {
    region: "Your Page's line",
    waitingOwn: 'Waiting for calls to your Facebook Page.',
    waitingHub: 'Waiting for calls to the hub’s Facebook Page.',
    testCall: 'Test call',
    pageSetup: 'Page setup'
  },
  leftHub: {
    left: 'This desk left {hub}.',
    leftUnnamed: 'This desk left its hub.',
    notTold: 'The hub could not be told; ask its owner to remove this desk in Settings > Desks.'
  },
  owner: {
    region: 'Where calls ring',
    yourPage: 'your Page',
    blocked:
      "{desk} also takes the calls of another Page of this app. One app has one callback URL, so this desk cannot take the calls over without stopping that Page's calls.",
    joinIt: 'Join it as a seat',
    joinHint:
      'To join {desk}, ask its owner for an invitation: on that desk, Settings > Desks > Add a desk.',
    takeOver: 'Ring on this desk instead',
    question: 'Ring on this desk instead?',
    warnDesk:
      'Ring on this desk instead? Calls for {page} will ring here, and {current} stops ringing for them.',
    warnServer:
      'Ring on this desk instead? Calls for {page} will ring here, and {current} stops receiving them.',
    confirm: 'Ring here',
    busy: 'Taking the calls…',
    cancel: 'Leave it as it is'
  },
  /** Outside the business hours (the window's status line, as the tray says it). */
  hoursStatus: {
    quiet: 'Outside business hours: calls ring out quietly.',
    declined: 'Outside business hours: calls are declined.',
    closedUntil: 'Closed until {when}.',
    noOpening: 'No opening hours are set.'
  }
}
