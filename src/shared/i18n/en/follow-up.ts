/** Never lose a customer: the missed-call reply, the To call back list, the call button. */
export default {
  tasks: {
    tab: 'To call back',
    tabOpen: '{count} open',
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
