/**
 * The service's own failures (a request, the connection to the service): kept apart so the windows'
 * transport (shared/bridge-client.ts, command-protocol.ts) words its English without the rest.
 */
export default {
  internal: 'Something went wrong inside the app. Try again.',
  invalidFrame: 'The app sent a request it does not understand. Restart the app.',
  unknownCommand: 'Unknown command "{command}".',
  invalidRequest: 'The {command} request is not valid.',
  invalidRequestField: 'The {command} request is not valid ({field}).',
  connectionLost: 'The connection to the phone service was lost.',
  connectionClosed: 'The connection to the phone service is not open.',
  ownerOnly: 'Only the desk that holds the Page can see or change this.',
  callBackNotAllowed:
    'Calling customers back from this desk is off: the desk that holds the Page can allow it in its settings.',
  testCallUnavailable: 'The test call is not available in this window.',
  takeOverUnavailable: 'Taking over the webhook is not available here.',
  onboardingUnavailable: 'Connecting a Page is not available here.',
  desksUnavailableHere: 'This desk cannot have other desks join it.',
  callBackUnavailable: 'Calling customers back is not available here.',
  turnPasswordUnavailable: 'A TURN password cannot be saved here.',
  callEnded: 'This call has already ended.',
  answeredElsewhere: 'This call was answered elsewhere.',
  qualityTooLate: 'This call ended too long ago to add its quality figures to the history.',
  qualityNotYours: 'Only the desk that answered this call can report its quality figures.',
  qualityNotInHistory: 'This call is not in the history, so its figures were not kept.',
  hoursNotPublished: 'The hours are saved in this app but not on the Page. {reason}',
  shuttingDown: 'The app is shutting down.'
}
