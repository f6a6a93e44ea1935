/**
 * A seat's line about its hub, why a hub turned a seat away, and who receives the webhook: made
 * outside the windows (shared/connection.ts, the seat link, the core) and said by each window in
 * its own language. Loaded at start: the header and Home show them.
 */
export default {
  /** A seat's link to its hub, and the hub's Page as the hub reports it. */
  hubLine: {
    connecting: 'Connecting to {hub}…',
    offline: 'Hub offline: {reason}. Calls cannot be answered here until it is back.',
    withQueued: '{line} {queued}',
    queuedOne: 'Your hang up will reach Meta when the hub is back.',
    queuedMany: 'Your {count} hang ups will reach Meta when the hub is back.',
    refused: '{refusal}.',
    connected: 'Connected to {hub} · {line}',
    noPage: 'The hub has no Facebook Page connected yet.',
    pageConnected: 'Page connected',
    chip: {
      connecting: 'Connecting to hub',
      offline: 'Hub offline',
      refused: 'Not connected to hub',
      noPage: 'No Page connected'
    }
  },
  /** Why a seat cannot reach its hub now (it keeps trying); the hub's own words stay as said. */
  hubReason: {
    stopping: 'The hub is stopping',
    tooSlow: 'This desk did not keep up with the hub: its connection was closed',
    slowHandshake: 'The hub took too long to answer',
    notRunning: 'The hub is not running at {host}, or its computer is off',
    notFound: "{host} could not be found: check this computer's internet connection",
    noAnswer: "{host} did not answer: check this computer's internet connection",
    cut: 'The connection to {host} was cut',
    other: 'The hub could not be reached at {host} ({error})',
    closed: 'The hub closed the connection',
    dropped: 'The connection to the hub dropped',
    notYet: 'Not connected yet',
    closedHere: 'Closed'
  },
  /** Why a seat stopped connecting to its hub, or retries only slowly (no stop: said in lines). */
  seatRefused: {
    codeRefused: 'The pairing code was refused: it expired, was used already, or was mistyped',
    tooManyAttempts: 'Too many pairing attempts: wait a minute and try again',
    alreadyPaired: 'This desk is paired with this hub already',
    nameTaken: 'A desk named "{name}" exists',
    removed: 'This desk was removed from the hub: pair it again with a new code',
    replaced: 'This desk connected to the hub from elsewhere',
    seatOlder: 'This desk is older than its hub: update this desk to connect',
    hubOlder: 'The hub runs an older version than this desk: update the hub',
    versionsDiffer: 'This desk and its hub run different versions: update the older one',
    notPaired: 'This desk is not paired with a hub yet: it needs a pairing code',
    noHubAddress: "This desk does not know its hub's address: paste the hub's whole invitation",
    notTheHub: 'The desk that answered is not the hub this desk paired with',
    notTheCodesHub: 'The desk that answered is not the hub that made this pairing code'
  },
  /** Who receives the app's webhook: the Calls view, Page setup and the log say it alike. */
  owner: {
    unknown: "Can't tell where calls for {page} go: {reason}",
    notAsked: 'Facebook could not be asked which address receives the calls.',
    thisDesk: 'Calls for {page} ring on this desk.',
    otherDesk: 'Calls for {page} go to {desk} ({url}).',
    otherDeskTook: '{desk} ({url}) took the calls for {page}: they no longer ring here.',
    foreign: 'Calls for {page} go to {url}, which is not this app.',
    foreignTook:
      'Calls for {page} now go to {url}, which is not this app: they no longer ring here.',
    thisPage: 'this Page',
    yourPage: 'your Page'
  }
}
