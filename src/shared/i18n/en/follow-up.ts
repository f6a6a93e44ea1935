/** Never lose a customer: the missed-call reply, the To call back list, the call button. */
export default {
  reply: {
    /** Sent to the customer: {first_name} and {next_opening} are filled in by the hub. */
    defaultText:
      'Hi {first_name}, sorry we missed your call. We can talk {next_opening}; we will be glad to hear from you then.',
    buttonTitle: 'Call us',
    unknownName: 'there',
    nextOpening: {
      unknown: 'as soon as we can',
      now: 'right now',
      today: 'today at {time}',
      tomorrow: 'tomorrow at {time}',
      later: 'on {day} at {time}'
    }
  },
  callButton: {
    /** Sent to the customer above the button. */
    text: 'Call us with one tap whenever it suits you.',
    send: 'Send a call button',
    sendTo: 'Send a call button to {name}',
    sending: 'Sending…',
    sent: 'Call button sent.',
    refused: 'Not sent: {reason}'
  },
  refusal: {
    outsideWindow:
      'the customer has not written to your Page in the last 24 hours, so Messenger does not allow a message now.',
    unavailable: 'this person cannot receive messages right now.',
    rateLimited: 'Facebook is limiting messages right now.',
    permissionLimit: 'Facebook allows only a few call permission requests a day to each customer.',
    notAllowed: 'Facebook does not allow this Page to message this customer.',
    noPage: 'no Facebook Page is connected.',
    unreachable: 'Facebook could not be reached.',
    other: 'Facebook refused the message.',
    code: '(Facebook code {code})'
  },
  history: {
    reason: {
      rangOut: 'Rang out',
      callerHungUp: 'The caller hung up before anyone answered',
      doNotDisturb: 'Do not disturb was on',
      outsideHours: 'Outside business hours',
      allBusy: 'Every desk was in a call',
      declined: 'Declined'
    },
    replySent: 'Reply sent',
    replySentButton: 'Reply sent with a call button',
    replySentPermission: 'Reply sent with a request to allow calls',
    replyRefused: 'Reply not delivered: {reason}',
    replyRecently: 'No reply: this customer got one in the last 12 hours'
  },
  settings: {
    title: 'Reply to missed calls',
    intro:
      'When a call is missed, the customer can get a Messenger message from your Page, at most once in 12 hours.',
    enabled: 'Send a reply after a missed call',
    text: 'Message',
    textHint:
      'Use {first_name} for the customer’s first name and {next_opening} for when you open next.',
    tooLong: 'The message can be at most {max} characters.',
    useSuggested: 'Use the suggested text',
    extra: 'Add to the message',
    extraNone: 'Nothing',
    extraCallButton: 'A call button (works for 7 days)',
    extraPermission: 'A request to allow calls back',
    save: 'Save the message',
    saving: 'Saving…',
    saved: 'Saved.',
    preview: 'Preview',
    previewCaption: 'As {name} sees it in Messenger',
    exampleName: 'Ana',
    pageName: 'Your Page',
    permissionTitle: 'Can we call you on Messenger?',
    permissionAllow: 'Allow',
    permissionDecline: 'Not now',
    windowNote:
      'Messenger delivers the reply only when the customer wrote to your Page in the last 24 hours; otherwise History says it was not delivered.'
  },
  tasks: {
    title: 'To call back',
    list: 'Customers to call back',
    empty: 'Nobody is waiting for a call back: every missed call will show up here.',
    emptyAction: 'Open the call history',
    setAside:
      'The saved list could not be read. It was kept as {file}, and the list started again.',
    calledOnce: 'Called once',
    calledTimes: 'Called {count} times',
    reply: {
      sent: 'Reply sent',
      sentButton: 'Reply sent with a call button',
      sentPermission: 'Reply sent, asking to call them back',
      refused: 'Reply refused by Facebook',
      refusedWhy: 'Reply refused by Facebook: {why}',
      off: 'No reply: replies are off',
      recent: 'No reply: they got one in the last 12 hours',
      none: 'No reply'
    },
    permission: {
      allowed: 'Allows a call back',
      requested: 'Asked to allow a call back',
      declined: 'Declined a call back',
      expired: 'Permission to call back ran out',
      unknown: 'Has not allowed a call back'
    },
    claimedHere: 'This desk is calling back',
    claimedBy: '{desk} is calling back',
    claim: 'Claim',
    claimName: 'Claim {name}',
    release: 'Release',
    releaseName: 'Release {name}',
    callBack: 'Call back',
    callBackName: 'Call back {name}',
    done: 'Done',
    doneName: 'Mark {name} done',
    reopen: 'Reopen',
    reopenName: 'Reopen {name}',
    closedSection: 'Done ({count})',
    closedTalked: 'Talked with them',
    closedTalkedBy: '{desk} talked with them',
    closedByHand: 'Marked done by {desk}'
  }
}
