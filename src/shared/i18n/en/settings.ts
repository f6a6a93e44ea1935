/** The Settings view, one sub-object per section, in the order the view shows them. */
export default {
  view: {
    title: 'Settings',
    loading: 'Loading the settings…',
    fileNotices: 'The settings file',
    pinnedIntro:
      'Fixed for this run by environment variables; changes you save here apply once they are unset:',
    ignoredGraphUrl:
      "The settings file names another Graph address ({url}), which is ignored: the app sends your Page's credentials only to Meta, and only the GRAPH_API_URL environment variable can change that.",
    pinned: {
      page: 'Facebook Page and app',
      ringTimeoutSeconds: 'Ring for',
      tunnel: 'Public address',
      graph: 'Graph API',
      webhook: 'Webhook listener'
    }
  },
  save: {
    refusal: '{label} {reason}.',
    notSaved: 'The change was not saved.'
  },
  hub: {
    title: 'Hub',
    connectedTo: 'Connected to {name}',
    linkUp: 'The link is up: calls ring here as they reach the hub.',
    leave: 'Leave this hub',
    question: 'Leave this hub?',
    confirm: 'Leave',
    busy: 'Leaving…',
    cancel: 'Stay',
    explain:
      "Leave {name}? Its calls stop ringing here and this desk forgets its key to the hub; joining again needs a new invitation. This desk's own settings stay."
  },
  calls: {
    title: 'Calls',
    ringFor: 'Ring for (seconds)',
    ringTime: 'Ring time',
    ringInvalid: 'Ring time must be a number of seconds above 0, at most {max}.',
    ringHint:
      'Messenger stops a call after 60 seconds; ringing here stops a little earlier so a late click cannot race it. At most {max} seconds.',
    dnd: 'Do not disturb',
    dndHint:
      'Nothing rings here while it is on. Calls still appear in history; test calls always ring.',
    dndMeanwhile: 'Calls that come in meanwhile',
    ringOut: 'Let calls ring out',
    ringOutHint: 'Nothing rings here; the caller hears it ring until Messenger gives up.',
    decline: 'Decline calls',
    declineHint: 'The caller is told at once that you are not available.',
    ringHere: 'Ring on this desk',
    ringHereHint:
      'Off: calls do not ring, toast or notify on this computer; the other desks still ring.',
    startAtLogin: 'Start at login',
    startAtLoginHint: 'Starts in the tray when you log in, ready for calls.',
    startAtLoginBrowser:
      'Start at login is available in the desktop app; in a browser, keep this tab open.'
  },
  audio: {
    title: 'Audio',
    description: 'Changes apply from the next call or ring on.',
    microphone: 'Microphone',
    speaker: 'Speaker (the call)',
    speakerShort: 'Speaker',
    testSpeaker: 'Test speaker',
    ringer: 'Ringer (the ringtone)',
    ringerShort: 'Ringer',
    testRinger: 'Test ringer',
    systemDefault: 'System default',
    savedDevice: 'Saved device (not connected)',
    deviceMissing:
      'That device is not connected now: the system default is used until it is plugged in again.',
    ringtone: 'Ringtone',
    ringtones: {
      classic: 'Classic two-tone',
      chime: 'Soft chime',
      digital: 'Digital beep'
    },
    ringVolume: 'Ring volume',
    percent: '{percent} %',
    openMic: 'Open the microphone while ringing',
    openMicHint:
      "Answers faster, as the microphone is already on when you click Answer. Nothing is sent before you answer, but your system's microphone indicator lights up while a call rings."
  },
  appearance: {
    title: 'Appearance',
    theme: 'Theme',
    system: 'As the system',
    light: 'Light',
    dark: 'Dark'
  },
  language: {
    label: 'Language',
    system: 'As the system',
    en: 'English',
    es: 'Español'
  },
  shortcuts: {
    title: 'Keyboard shortcuts',
    description: 'They work anywhere in this window except while you type in a field.',
    answer: 'Answer the ringing call',
    decline: 'Decline the ringing call',
    mute: 'Mute or unmute the call',
    hangUp: 'Hang up',
    keypad: 'Send a digit while the keypad is open',
    keys: {
      enter: 'Enter',
      escape: 'Escape',
      ctrl: 'Ctrl',
      keypad: '0–9, *, #'
    }
  },
  connection: {
    title: 'Connection',
    description: 'Facebook delivers calls to a public address that reaches this computer.',
    publicAddress: 'Public address',
    none: 'None',
    noneHint: 'Calls cannot reach this computer from Facebook.',
    localtunnel: 'Tunnel (localtunnel)',
    localtunnelHint: 'A free tunnel server gives this computer a public address.',
    ownUrl: 'My own public address',
    ownUrlHint: 'A reverse proxy or tunnel of your own forwards to this computer.',
    tunnelServer: 'Tunnel server',
    subdomain: 'Subdomain (optional)',
    subdomainShort: 'Subdomain',
    subdomainPlaceholder: 'my-shop-calls',
    subdomainHint: 'Asks the server for the same address every time.',
    publicUrlHint: 'The webhook path is added to it.',
    stun: 'STUN servers',
    stunHint:
      "One per line. Usually none are needed: Messenger's servers find this computer by themselves.",
    turn: 'TURN server',
    turnHint:
      "Only where the network blocks calls' audio otherwise. Leave the address empty for none. A new address needs its password again.",
    turnAddress: 'Address',
    turnUser: 'User name',
    turnPassword: 'Password',
    turnPasswordSaved: 'Saved (type a new one to replace it)',
    saveTurn: 'Save TURN server'
  },
  page: {
    title: 'Facebook Page',
    connected: 'Connected to the Page',
    connectedTo: 'Connected to the Page {id}',
    none: 'No Page is connected.',
    reconnect: 'Reconnect the Page',
    connect: 'Connect a Page',
    remove: 'Remove the Page',
    question: 'Remove the Page?',
    confirm: 'Remove',
    busy: 'Removing…',
    cancel: 'Keep the Page',
    explain:
      'Remove the Page from this app? Its access token is forgotten and calls stop ringing here until a Page is connected again. Call history is kept.',
    removed: 'The Page was removed. Connect a Page again in Page setup to take calls.'
  },
  deskName: {
    label: "This desk's name",
    placeholder: "This computer's name",
    hint: "Other desks of this app see this name when the Page's calls ring here."
  },
  desks: {
    title: 'Desks',
    description: "Other computers that ring and answer this Page's calls with this one.",
    loading: 'Loading the desks…',
    tryAgain: 'Try again',
    list: 'Desks of this hub',
    removed: '{name} was removed. It cannot connect again.',
    empty:
      "No other desks yet. Add a desk to let another computer ring and answer your Page's calls.",
    mayCallBack: 'Desks may call customers back',
    mayCallBackHint:
      "Calling back speaks for the business and uses Messenger's limited call requests."
  },
  network: {
    label: 'Let desks on this network connect directly',
    refusalLabel: 'Desks on this network',
    hint: 'Turn it on when the other desks are in the same office: they reach this computer on port {port} without the internet, and keep ringing when it is down.',
    address: 'They find it at {address} (their invitations carry it).'
  },
  desk: {
    online: 'Online',
    offline: 'Offline',
    connectedNow: 'Connected now',
    notConnectedYet: 'Not connected yet',
    lastSeen: 'Last seen {ago}',
    noCallsToday: 'No calls answered today',
    oneCallToday: '1 call answered today',
    callsToday: '{count} calls answered today',
    rings: 'Rings',
    ringsOn: 'Calls ring on {name}',
    ringsRefusalLabel: 'Rings on {name}',
    remove: 'Remove',
    removeName: 'Remove {name}',
    question: 'Remove {name}?',
    explain:
      'Remove {name}? It stops ringing at once and cannot connect again; to bring it back, add it again with a new code.',
    busy: 'Removing…',
    keep: 'Keep it'
  },
  addDesk: {
    form: 'Add a desk',
    name: "New desk's name",
    placeholder: 'Reception',
    add: 'Add a desk',
    making: 'Making a code…',
    hint: 'Up to 40 characters. Calls that desk answers show this name, here and in history.',
    noName: 'Give the new desk a name.'
  },
  invitation: {
    codeFor: 'Code for {name}',
    joined: '{name} has joined. Its calls ring there from now on.',
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'Could not copy. The code is selected: press Ctrl+C (Cmd+C on a Mac) to copy it.',
    howTo:
      'On the other computer, choose “Join a desk that is already connected” on its first screen, then paste this code.',
    hubAddress: 'Hub address:',
    noAddress: 'none yet (turn on the public address under Connection)',
    expiresIn: 'Expires in {time}. It works once.',
    expired: 'This code has expired. Make a new one to add {name}.',
    making: 'Making a code…',
    newCode: 'Make a new code',
    done: 'Done'
  }
}
