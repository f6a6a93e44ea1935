/**
 * Sentences for codes made outside the renderer (service errors, setup checks, Graph errors): main
 * sends them as words (shared/words.ts) and each window says them in its own language; main's
 * English `message` is made from these same texts (shared/words-english.ts).
 */
import service from './errors-service'
import connection from './errors-connection'

/** Every errors text but Page setup's checks (errors-setup.ts): what a window loads at start. */
export default {
  service,
  ...connection,
  /** The To call back list and messages to customers. */
  followUp: {
    taskClosed: 'This task is closed.',
    taskClaimed: '{desk} is already calling back.',
    onlyClaimerReleases: 'Only {desk} can release this task.',
    noTask: 'This customer has no task to call back.',
    tasksNotKept: 'The To call back list is not kept here.',
    messagesUnavailable: 'Messages to customers are not available here.'
  },
  /** The tunnel's and the webhook's state, as the status lines say them. */
  status: {
    checkingPage: 'Checking the Page with Facebook…',
    noAddressHere: 'No tunnel or public address here',
    handshakeSeen: 'Meta’s webhook check reached this app',
    webhookElsewhere:
      'Calls arrive only if the webhook is set up elsewhere; Meta’s check has not reached this app yet.',
    ifNoRing: 'If calls do not ring, open Page setup.',
    twoLines: '{first} · {second}',
    tunnelOff: 'Not reachable from Facebook (no tunnel)',
    tunnelConnecting: 'Connecting',
    tunnelConnectingAttempt: 'Connecting (attempt {attempt})',
    tunnelUp: 'Reachable at {url}',
    tunnelReconnecting: 'Reconnecting in {seconds} s: {error}',
    notRegistered: {
      notConfigured: 'Webhook not registered: connect a Page and app first',
      ownedElsewhere: 'Webhook not registered: another desk or server receives this app’s calls',
      noPublicUrl: 'Webhook not registered: waiting for a public address'
    },
    registering: 'Registering the webhook with Facebook',
    registered: 'Webhook registered with Facebook',
    registeredUnseen: 'Webhook registered, but Facebook’s check was not seen arriving here'
  },
  graph: {
    tokenExpired:
      "Facebook no longer accepts this app's access to your Page. Reconnect the Page in Settings.",
    permission:
      'Facebook says this app is missing a permission; reconnect the Page in Settings and allow everything it asks for.',
    permissionNamed:
      'Facebook says this app is missing a permission ({name}); reconnect the Page in Settings and allow it.',
    rateLimited: 'Facebook is limiting requests right now. Wait a few minutes and try again.',
    unknownCall: 'This call no longer exists on Facebook; the caller may have hung up.',
    callState: 'This call has already ended on Facebook, so there is nothing left to do with it.',
    badMedia:
      "Facebook could not use this computer's audio connection details; try again, and restart the app if it keeps happening.",
    unavailable: 'Facebook is having trouble right now; try again in a few minutes.',
    invalidResponse:
      'Facebook sent a reply this app could not read; try again, and update the app if it keeps happening.',
    notConfigured: 'No Facebook Page is connected yet; connect one in Settings.',
    other: 'Facebook refused the request; try again, and check the log if it keeps happening.',
    refusedSaying: 'Facebook refused the request: {said}',
    unexpected:
      'Something went wrong while talking to Facebook; try again, and check the log if it keeps happening.',
    badId: 'That Facebook id is not valid; check the caller or Page id and try again.',
    hoursRefused:
      'Facebook refused these business hours ({said}). Check the opening times, holidays and time zone, then save again.',
    notConfirmed: {
      acceptCall: 'Facebook did not confirm the request to accept the call; try again in a moment.',
      declineCall:
        'Facebook did not confirm the request to decline the call; try again in a moment.',
      endCall: 'Facebook did not confirm the request to end the call; try again in a moment.',
      startCall: 'Facebook did not confirm the request to start the call; try again in a moment.',
      storeMetrics:
        'Facebook did not confirm the request to store the call metrics; try again in a moment.',
      subscribeApp:
        'Facebook did not confirm the request to subscribe the app webhook; try again in a moment.',
      subscribePage:
        'Facebook did not confirm the request to subscribe the Page; try again in a moment.',
      updateCallSettings:
        'Facebook did not confirm the request to update the call settings; try again in a moment.'
    }
  },
  network: {
    timeout: 'Facebook did not answer in time. Check the internet connection and try again.',
    refused:
      "Can't reach Facebook: the connection was refused, so a firewall or proxy may be blocking it.",
    dns: "Can't reach Facebook: its address could not be looked up; check the internet connection.",
    offline: "Can't reach Facebook: this computer is offline; check the internet connection.",
    reset: "Can't reach Facebook: the connection was cut; check the internet connection.",
    other: "Can't reach Facebook: check the internet connection."
  },
  pageHealth: {
    unchecked: 'The Page could not be checked; see the log.',
    tokenRejected: 'Page token rejected: reconnect the Page in Page setup.',
    permissionMissing: 'Page token lacks a permission: reconnect the Page in Page setup.',
    otherPage: 'The Page token is for another Page ({id}): reconnect the Page in Page setup.'
  },
  calls: {
    tooManyRinging: 'Missed: too many calls were ringing at once.'
  },
  tunnel: {
    openFailed: 'The tunnel could not be opened; see the log for details.',
    serverUnreachable:
      'The tunnel server {server} could not be reached ({reason}); check the internet connection.',
    serverDown: 'The tunnel server {server} is not working right now (HTTP {status}).',
    serverRefused:
      'The tunnel server {server} refused the tunnel (HTTP {status}). Check the tunnel settings.',
    serverRefusedSaying:
      'The tunnel server {server} refused the tunnel: {said} Check the tunnel settings.',
    notLocaltunnel:
      'The server at {server} did not answer like a localtunnel server; check the tunnel server address.',
    noPublicUrl:
      'No public address is set: enter the URL that forwards to this computer in Settings, or choose a tunnel.',
    registerFailed: 'The webhook could not be registered with Facebook; see the log for details.',
    httpFromTunnel:
      'The tunnel gave an http address ({url}), but Facebook only calls https addresses: calls cannot arrive. Choose a tunnel server that gives https addresses.',
    httpOwnUrl:
      'The public address {url} is http, but Facebook only calls https addresses: calls cannot arrive. Enter an https address.'
  },
  callState: {
    notFound: 'This call is no longer available: it may have ended a while ago.',
    hungUpBeforeAnswer: 'The caller hung up before the call was answered.',
    hungUp: 'The caller has already hung up.',
    stoppedRinging: 'This call stopped ringing before anyone answered it.',
    neverRang: 'This call never rang: too many calls were ringing at once.',
    declined: 'This call was already declined.',
    noAnswer: 'The customer did not answer this call.',
    notAnswered: 'This call has not been answered yet.',
    inProgress: 'This call is already in progress.',
    answeringHere: 'You are already answering this call.',
    answeredElsewhere: 'This call was already answered on another desk.',
    answeredBy: 'This call was already answered by {desk}.'
  },
  credentials: {
    enterPageId: 'Enter the Page id.',
    pageIdNumber:
      "The Page id is a number, like 106378625516323: it is on your Page's About tab, under Page transparency.",
    enterAppId: 'Enter the app id.',
    appIdNumber:
      "The app id is a number, like 106378625516323: it is at the top of your app's dashboard on developers.facebook.com.",
    pasteToken: 'Paste the Page access token.',
    tokenForPage:
      'Paste a Page access token for Page {pageId}: the stored one is for Page {storedPageId}.',
    tokenForOtherPage:
      'Paste a Page access token for Page {pageId}: the stored one is for another Page.',
    tokenIncomplete:
      'That does not look like a whole Page access token: copy it again, all of it (it starts with EAA).',
    pasteSecret: 'Paste the app secret.',
    secretForApp:
      'Paste the app secret of app {appId}: the stored one belongs to app {storedAppId}.',
    secretForOtherApp:
      'Paste the app secret of app {appId}: the stored one belongs to another app.',
    secretShape:
      'The app secret is a string of letters and digits: copy it again from App settings > Basic (press Show first).',
    noSecretStore:
      'This app was started without a place to keep secrets, so the Page cannot be saved here.'
  },
  desk: {
    stopping: 'This desk is stopping.',
    changingRole: 'This desk is already changing its role: try again.',
    joinUnavailable: 'Joining a hub is not available here.',
    noHubToLeave: 'This desk is no seat: it has no hub to leave.',
    joinCallLive: 'A call is still going on this desk: join the hub once it has ended.',
    joinHasSeat:
      'This desk is the hub of another desk: remove it in Settings > Desks first, or it loses its hub.',
    joinHasSeats:
      'This desk is the hub of {count} other desks: remove them in Settings > Desks first, or they lose their hub.',
    joinConfirmForget:
      'Confirm that this desk may forget its Page and stop its tunnel and webhook: a seat holds no Page.',
    joinNoAddress:
      "The invitation has no hub address: paste the hub's whole invitation, which starts with https://.",
    nameTaken:
      'A desk named "{name}" is already paired with this hub: choose another name, or remove that desk first.',
    nameIsHub: '"{name}" is this hub’s own desk name: choose another name for the new desk.',
    noPublicAddress:
      'This desk has no public address yet: turn on the tunnel or set your own address in Settings, then add the desk.',
    listUnreadable:
      'The list of desks could not be read, so no desk can join: see the log, then restart.',
    notPaired: 'No desk named "{name}" is paired with this hub.'
  },
  seat: {
    alreadySeat: 'This desk is already a seat of {hub}; leave it first (Settings).',
    leaveUnavailable: 'Leaving the hub is not available here.',
    leaveCallLive:
      'A call answered on this desk is still going: hang up first, then leave the hub.',
    hubLate: 'The hub did not answer in time.',
    notOnline: 'This desk is not online with its hub.',
    notOnlineBecause: 'This desk is not online with its hub: {reason}.',
    hubOffline: 'The hub is offline: {reason}.',
    hubConnecting: 'The hub is offline: this desk is still connecting to it.',
    hubOnline: 'The hub is online.',
    hubWideSettings:
      'This desk is a seat of {hub}; change the hub-wide settings ({groups}) on the hub.',
    refused: {
      turnPassword: 'This desk is a seat of {hub}; change the TURN password on the hub.',
      page: 'This desk is a seat of {hub}; change the Page on the hub.',
      setup: 'This desk is a seat of {hub}; change the setup on the hub.',
      webhookOwner: 'This desk is a seat of {hub}; change who receives the webhook on the hub.',
      desks: 'This desk is a seat of {hub}; change the desks on the hub.',
      businessHours: 'This desk is a seat of {hub}; change the business hours on the hub.',
      customerMessages: 'This desk is a seat of {hub}; send messages to customers from the hub.'
    }
  },
  callBack: {
    noPage: 'Connect your Facebook Page in Page setup before calling customers back.',
    inProgress: 'A call to this customer is already in progress.',
    noMoreRequests: 'Facebook does not allow another request right now.',
    unknownCustomer:
      'Facebook no longer knows {name} for your Page: they may have deleted the conversation or blocked the Page.',
    unknownCustomerUnnamed:
      'Facebook no longer knows the customer for your Page: they may have deleted the conversation or blocked the Page.',
    notAllowed:
      '{name} has not allowed calls from your Page, or the permission has run out. Ask for permission again.',
    notAllowedUnnamed:
      'The customer has not allowed calls from your Page, or the permission has run out. Ask for permission again.',
    requestsPerDay:
      'Facebook allows only a few permission requests a day to each customer. Try again tomorrow.'
  },
  webhookOwner: {
    otherPage:
      'Calls for {page} go to {desk} for another Page of this app ({pageIds}); one app has one callback URL, so this desk cannot take them over.',
    noPublicUrl:
      'This desk has no public address yet, so Meta could not deliver calls to it: choose a tunnel or enter a public address first.',
    notConfirmed:
      'Facebook did not confirm the new address in time; check the connection and try again.'
  }
}
