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
  },
  /** What the call's audio and microphone say when they fail, worded where shown. */
  media: {
    microphone: {
      /** Blocked when a call is answered: where each system (or the browser) allows it again. */
      blocked: {
        mac: 'The microphone is blocked. Open System Settings, Privacy & Security, Microphone, turn on Messenger Softphone, then answer again.',
        windows:
          'The microphone is blocked. Open Settings, Privacy & security, Microphone, turn on "Let desktop apps access your microphone", then answer again.',
        linux:
          'The microphone is blocked. Check your sound settings (and any sandbox permissions for this app) allow microphone access, then answer again.',
        browser:
          'The microphone is blocked for this page. Click the icon left of the address, allow the microphone, then answer again.'
      },
      missing:
        'No microphone was found. Plug one in or choose another in Settings, then answer again.',
      busy: 'The microphone is in use by another app or could not start. Close that app, then answer again.',
      other: 'The microphone could not be opened. Try again.',
      silent:
        'Your microphone did not start, so the caller hears silence: choose a microphone below to try again.'
    },
    lost: 'The connection to the caller was lost and could not be restored. Check the internet connection.',
    noAudio:
      "Couldn't connect the audio: check the internet connection, or whether a firewall or VPN blocks calls.",
    answerNotUsable: "Facebook's answer to this call could not be used, so the call was ended.",
    setupFailed: 'The audio for this call could not be set up.',
    offerNotReady: 'The call offer was not ready.',
    noConnection: 'The call has no media connection.',
    switchFailed: 'The call could not switch to the new audio path.',
    keypadUnavailable:
      'The keypad cannot send digits on this call yet; wait until it is connected.',
    soundFailed: 'The sound could not play. Check that the device is on and not in use.',
    /** A device the system lists without a name (before the microphone is allowed). */
    unnamedMicrophone: 'Microphone {number}',
    unnamedSpeaker: 'Speaker {number}'
  }
}
