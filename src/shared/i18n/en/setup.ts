import checkNames from './setup-check-names'

/** Page setup and joining a hub: the wizard, credentials, checks, the webhook owner and hub notices. */
export default {
  back: 'Back',
  checking: 'Checking…',
  checkAgain: 'Check again',
  choice: {
    region: 'Set up this desk',
    title: 'Set up this desk',
    intro: 'One desk holds the Facebook Page; every other desk joins it.',
    group: 'How this desk takes calls',
    connectTitle: 'Connect a Page (this desk becomes the hub)',
    connectLine:
      'Enter your Facebook Page and app here. Calls arrive at this desk, and other desks can join it.',
    joinLine:
      'Paste the invitation from the desk that has the Page. This desk then rings and answers its calls.'
  },
  page: {
    region: 'Page setup',
    title: 'Connect your Facebook Page',
    intro:
      'Paste four values from Meta. The app checks each step with Meta and says how to fix what is missing. The token and the secret stay on this computer.',
    joinInstead: 'Join a desk that is already connected instead',
    ready: 'Everything is ready',
    needsYou: 'Some steps need you'
  },
  credentials: {
    region: 'Page and app',
    pageId: 'Page id',
    pageIdHint: 'On your Page: About, then Page transparency; or in {link}.',
    businessSettings: 'Business settings',
    appId: 'App id',
    appIdHint: "At the top of your app's dashboard in {link}.",
    metaForDevelopers: 'Meta for Developers',
    token: 'Page access token',
    tokenHint:
      'In {explorer}: choose your app, then your Page under “User or Page”, with pages_messaging and pages_manage_metadata. The {debugger} can extend it.',
    graphExplorer: 'Graph API Explorer',
    tokenDebugger: 'Access Token Debugger',
    secret: 'App secret',
    secretHint: "In your app's {link}: press Show next to App secret.",
    appSettings: 'App settings, Basic',
    keep: 'Saved. Leave empty to keep it.',
    submit: 'Save and check'
  },
  secret: {
    show: 'Show',
    hide: 'Hide',
    showField: 'Show the {field}',
    hideField: 'Hide the {field}'
  },
  checkNames,
  checks: {
    region: 'Setup checks',
    passed: 'Passed',
    failed: 'Failed',
    warning: 'Warning',
    unknown: "Can't tell",
    skipped: 'Skipped',
    working: 'Working…'
  },
  firstCall: {
    region: 'Test call from your phone',
    title: 'Place a test call from your phone',
    waiting:
      'Open Messenger on your phone, find your Page, and press the call button. Use an account with a role on the app while it is in Development mode. Waiting for the call…',
    works: 'It works: a call from {caller} just rang.'
  },
  /** Where each system lets the owner allow the microphone, before the first call. */
  microphone: {
    mac: 'The microphone is blocked. Open System Settings, Privacy & Security, Microphone, turn on Messenger Softphone, then check again.',
    windows:
      'The microphone is blocked. Open Settings, Privacy & security, Microphone, turn on "Let desktop apps access your microphone", then check again.',
    linux:
      'The microphone is blocked. Check your sound settings (and any sandbox permissions for this app) allow microphone access, then check again.',
    browser:
      'The microphone is blocked for this page. Click the icon left of the address, allow the microphone, then check again.'
  },
  join: {
    region: 'Join a desk',
    title: 'Join a desk that is already connected',
    intro:
      'The desk that has the Page makes an invitation: its owner opens Settings > Desks > Add a desk and copies it (on a server, {command} prints it). It works once, for 10 minutes.',
    commandDesk: 'name',
    invitation: 'Invitation',
    join: 'Join',
    joining: 'Joining…',
    question: 'Forget this desk’s Page and join?',
    forgetText:
      'This desk will forget its Page token and app secret and stop receiving the webhook; the hub receives the calls. Its call history stays here, read-only.',
    forget: 'Forget the Page and join',
    keep: 'Keep the Page',
    joined: 'Joined {hub}. Connecting to it…'
  },
  invitation: {
    empty: 'Paste the invitation first.',
    incomplete:
      'This is not a whole invitation: it ends with #msp1. and a long code. Copy it again with the Copy button.',
    address: 'An invitation starts with https:// (the hub’s address), then #msp1. and the code.'
  }
}
