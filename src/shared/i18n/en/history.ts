/** Call history: the list, its filters, call quality and call back. */
export default {
  title: 'History',
  sources: {
    label: 'Which calls',
    current: 'The hub’s calls',
    past: 'Calls on this desk before it joined',
    pastNote: 'These are this desk’s own calls from before it joined the hub, kept here read-only.'
  },
  list: 'Calls',
  looking: 'Looking…',
  empty: {
    noMissedMatch: 'No missed calls match “{term}”.',
    noMatch: 'No calls match “{term}”.',
    clearSearch: 'Clear the search',
    noMissed: 'No missed calls.',
    showAll: 'Show all calls',
    noPast: 'No calls on this desk from before it joined.',
    showHub: 'Show the hub’s calls',
    noCalls: 'No calls yet.',
    placeTestCall: 'Place a test call'
  },
  filters: {
    label: 'Show',
    all: 'All',
    missed: 'Missed',
    search: 'Search calls',
    searchPlaceholder: 'Search by name'
  },
  quality: {
    label: 'Call quality',
    roundTrip: 'Round trip',
    jitter: 'Jitter',
    loss: 'Loss',
    packetsReceived: 'Packets received',
    quality: 'Quality',
    notMeasured: 'not measured',
    shared: 'Shared',
    withMeta: 'with Meta'
  },
  sharing: {
    label: 'Send call quality figures to Meta',
    hint: 'Round trip, jitter and packet counts of calls to your Page, sent after each call to help Meta look into poor audio. Test calls are never sent.',
    notSaved: 'The choice was not saved. Try again.'
  },
  callBack: {
    permission: {
      allowed: '{name} allows calls from your Page.',
      allowedUntil: '{name} allows calls from your Page until {until}.',
      notAllowed:
        '{name} has not allowed calls from your Page. Ask in Messenger first; they answer with one tap.',
      pending: 'Waiting for {name} to allow calls…',
      declined: '{name} declined calls from your Page.',
      expired: 'The permission {name} gave to call has run out. Ask again in Messenger.',
      unknown:
        'Facebook reported a permission state for {name} this app does not know; try again later.',
      cannotAskNow:
        'Facebook does not allow asking {name} for permission right now; try again later.',
      allowFirst: '{name} has to allow calls from your Page first.',
      callAgainAt: 'Facebook allows calling {name} again from {time}.',
      cannotCallNow: 'Facebook does not allow calling {name} right now; try again later.'
    },
    title: 'Call back {name}',
    checking: 'Checking whether {name} allows calls…',
    ask: 'Ask {name} for permission to call',
    askAgain: 'Ask {name} again',
    asking: 'Asking…',
    call: 'Call {name}',
    calling: 'Calling…',
    tryAgain: 'Try again',
    close: 'Close',
    requestsLeft: '{left} of {max} requests left {period}.',
    requestsLeftOfOne: '{left} of 1 request left {period}.',
    noRequestsLeft: 'No requests left {period}; Facebook allows {max}.',
    askAgainAt: 'No requests left: you can ask again at {time}.',
    askAgainOn: 'No requests left: you can ask again on {day}, {time}.',
    period: {
      day: 'today',
      week: 'this week',
      hours: 'in these {hours} hours',
      other: 'in this period'
    }
  },
  ago: {
    justNow: 'just now'
  }
}
