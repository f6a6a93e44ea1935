/** The calls themselves: the toast, the call in progress and its keypad. */
export default {
  unknownCaller: 'Messenger caller',
  outcome: {
    completed: 'Answered',
    missed: 'Missed',
    noAnswer: 'No answer',
    declined: 'Declined',
    failed: 'Failed'
  },
  recent: {
    title: 'Recent calls',
    empty: 'No calls yet.',
    emptyHint: 'Place a test call to see how a call shows up here.',
    callBack: 'Call back',
    callBackName: 'Call back {name}'
  },
  direction: {
    inbound: 'Incoming',
    outbound: 'Outgoing'
  },
  history: {
    duration: 'Duration {time}'
  },
  quiet: {
    region: 'Calls not ringing here',
    title: 'Ringing, not on this desk',
    answerName: 'Answer {name}'
  },
  toast: {
    incomingFrom: 'Incoming call from {name}',
    messengerCall: 'Messenger call',
    answerWithin: 'Answer within {seconds} s',
    answeredBy: 'Answered by {desk}',
    answeredElsewhere: 'Answered elsewhere',
    decline: 'Decline',
    answer: 'Answer',
    answering: 'Answering…'
  },
  inCall: {
    region: 'Call in progress',
    reconnecting: 'Reconnecting…',
    calling: 'Calling…',
    ringing: 'Ringing…',
    connected: 'Connected',
    connecting: 'Connecting…',
    duration: 'Call duration',
    mute: 'Mute',
    keypad: 'Keypad',
    hangUp: 'Hang up',
    microphone: 'Microphone',
    caller: 'Caller',
    speaker: 'Speaker',
    systemDefault: 'System default',
    tryAgain: 'Try again',
    quality: 'Call quality',
    measuring: 'Measuring call quality…',
    roundTrip: 'Round trip {ms} ms',
    jitter: 'jitter {ms} ms',
    loss: 'loss {percent}%'
  },
  keypad: {
    region: 'Keypad',
    sent: 'Digits sent',
    star: 'Star',
    hash: 'Hash',
    waitForConnected: 'The keypad works once the call is connected.',
    noAudio: 'This call has no audio to send digits in.'
  }
}
