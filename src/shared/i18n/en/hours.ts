/** Business hours: the weekly hours, holidays and time zone editor, and what desks say outside them. */
export default {
  title: 'Business hours',
  description:
    'When the business takes calls. Saving publishes them on your Facebook Page, so Messenger shows people when you answer.',
  loading: 'Loading the business hours…',
  notSaved: 'Not saved yet: these are suggested hours.',
  timeZone: {
    label: 'Time zone',
    hint: 'Type to search, for example America/Mexico_City.'
  },
  weekly: {
    legend: 'Opening hours',
    closed: 'Closed',
    opens: '{day}, opens',
    closes: '{day}, closes',
    opensAgain: '{day}, opens again',
    closesAgain: '{day}, closes again',
    until: 'to',
    addOn: 'Add a second range of hours on {day}',
    remove: 'Remove',
    removeOn: 'Remove the hours from {from} to {to} on {day}'
  },
  holidays: {
    legend: 'Holidays',
    hint: 'Closed all day, from the first day to the last.',
    none: 'No holidays.',
    from: 'First day',
    to: 'Last day',
    fromNumbered: 'Holiday {number}, first day',
    toNumbered: 'Holiday {number}, last day',
    add: 'Add a holiday',
    remove: 'Remove',
    removeNumbered: 'Remove holiday {number}'
  },
  outside: {
    legend: 'Calls outside the hours',
    hint: 'Do not disturb follows the hours with the last two choices.',
    ring: 'Ring as usual',
    ringHint: 'Every desk rings, whatever the time.',
    quiet: 'Ring out quietly',
    quietHint: 'Nothing rings here; the call is listed as missed once Messenger gives up.',
    decline: 'Decline',
    declineHint: 'The caller is told at once that the business is closed.'
  },
  save: 'Save and publish',
  saving: 'Saving…',
  saved: 'Saved, and published on your Page.',
  invalid: {
    range: '{day}: the closing time must come after the opening time.',
    holiday: 'Holiday {number}: pick a first day, and a last day on or after it.',
    tooMany: 'At most 20 holidays.',
    timeZone: '“{zone}” is not a time zone; pick one from the list.'
  },
  page: {
    same: 'Your Page shows the same hours.',
    none: 'Your Page publishes no calling hours yet.',
    differs: 'Your Page shows other hours than this app:',
    day: '{day}: here {here}; on the Page {page}.',
    timeZone: 'Time zone: here {here}; on the Page {page}.',
    holidays: 'The holidays differ.',
    closed: 'closed',
    rewrite: 'Write these hours to the Page again',
    unreadable: 'Your Page’s hours could not be read. {reason}'
  }
}
