/**
 * Page setup's checks, in their own file: the windows load them with Page setup, not at start.
 */
export default {
  askFailed:
    'Something went wrong while asking Meta; try again, and check the log if it keeps happening.',
  enterAppAndSecret: 'Enter the app id and the app secret above, then check again.',
  appRejected:
    'Meta did not accept this app id and app secret together. Copy both again from App settings > Basic on developers.facebook.com (press Show to see the secret).',
  appKnownNamed: 'Meta knows this app: "{name}" ({id}).',
  appKnown: 'Meta knows this app: ({id}).',
  enterPageAndToken: 'Enter the Page id and the Page access token above, then check again.',
  tokenExpiredOn:
    'This Page access token expired on {date}. In Graph API Explorer choose this app, then your Page under "User or Page", and copy the token it shows, and paste it above.',
  tokenExpired:
    'This Page access token expired. In Graph API Explorer choose this app, then your Page under "User or Page", and copy the token it shows, and paste it above.',
  tokenRevoked:
    'Meta says this Page access token is not valid: it was revoked (a changed password does that) or only part of it was copied. In Graph API Explorer choose this app, then your Page under "User or Page", and copy the token it shows, and paste it above.',
  tokenNotPage:
    'This is a {type} access token, not a Page access token. In Graph API Explorer choose this app, then your Page under "User or Page", and copy the token it shows.',
  tokenOtherApp:
    'This token was made with another Meta app (id {tokenApp}), not app {app}. In Graph API Explorer choose this app, then your Page under "User or Page", and copy the token it shows.',
  tokenPassed: 'Meta accepts it as a Page access token made with this app.',
  tokenOtherPageNamed:
    'This token belongs to the Page "{name}" ({ownerId}), not to Page {pageId}. Enter {ownerId} as the Page id, or make a token for Page {pageId}.',
  tokenOtherPage:
    'This token belongs to the Page ({ownerId}), not to Page {pageId}. Enter {ownerId} as the Page id, or make a token for Page {pageId}.',
  tokenPageNamed: 'The token is for the Page "{name}" ({id}).',
  tokenPage: 'The token is for the Page ({id}).',
  noExpiry: 'The token does not expire.',
  expiresWithinDay:
    'The token expires within a day ({date}), and calls stop ringing then. Make a Page token that does not expire (from a long-lived user token) and paste it above.',
  expiresInOneDay:
    'The token expires in 1 day ({date}), and calls stop ringing then. Make a Page token that does not expire (from a long-lived user token) and paste it above.',
  expiresInDays:
    'The token expires in {days} days ({date}), and calls stop ringing then. Make a Page token that does not expire (from a long-lived user token) and paste it above.',
  validUntil: 'The token is valid until {date}.',
  permissionsLack:
    'The token lacks {name} for this Page. Make a new token and allow it when Meta asks (in Graph API Explorer: Add a permission), then paste it above.',
  permissionsLackBoth:
    'The token lacks {first} and {second} for this Page. Make a new token and allow both when Meta asks (in Graph API Explorer: Add a permission), then paste it above.',
  permissionsGranted: '{first} and {second} are granted.',
  permissionsGrantedWithout:
    '{first} and {second} are granted ({optional} is not, which this app does without).',
  appModeUnknown:
    "Meta's API does not tell whether an app is Live or in Development mode. Look at the App Mode switch at the top of the app's dashboard on developers.facebook.com: in Development mode only people with a role on the app can call the Page.",
  notSubscribed:
    'The Page is not subscribed to this app, so Meta does not send the Page’s calls to it. Subscribe it here.',
  subscribedWithoutCalls:
    'The Page is subscribed to this app, but not to calls (only {fields}). Add calls here.',
  subscribedToNothing:
    'The Page is subscribed to this app, but not to calls (only nothing). Add calls here.',
  subscribed: 'The Page sends its calls to this app.',
  skipCallSettings: "Skipped: the Page's call settings could not be read.",
  ringsHere: 'Calls to the Page ring in partner apps like this one.',
  ringsElsewhere:
    'Calls to the Page ring in Meta’s own apps (call routing is {target}), not here. Route them to this app here.',
  ringsUnknown: 'Meta did not say where calls to the Page ring. Route them to this app here.',
  audioOn: 'Voice calls are on for the Page.',
  audioOff:
    'Voice calls are turned off for the Page, so customers cannot call it. Turn them on here.',
  audioUnknown:
    'Meta did not say whether voice calls are on for the Page. Turn them on here to be sure.',
  skipNeedsAppToken:
    "Skipped until the app id and app secret are accepted: Meta shows a token's details to its app only.",
  skipAppNotAccepted: 'Skipped until the app id and app secret are accepted.',
  skipTokenMissing: 'Skipped until the Page access token is entered.',
  skipTokenNotAccepted: 'Skipped until the Page access token is accepted.',
  skipSecretNotAccepted: 'Skipped until the app secret is accepted.',
  skipTokenOtherPage: 'Skipped until the token is for this Page.',
  reachableAt: 'Meta can reach this computer at {url}.',
  unreachable:
    'Nothing makes this computer reachable from the internet, so Meta cannot deliver calls. In Settings, turn on the tunnel or enter your own public address, then check again.',
  tunnelOpening: 'The tunnel is opening; check again in a few seconds.',
  tunnelDown:
    'The tunnel is down ({error}); the app tries again in {seconds} s. Check the internet connection, or choose another tunnel server in Settings.',
  webhookElsewhere:
    "Meta sends this app's calls to {url}, not to this computer ({callbackUrl}): another copy of the app may have registered after this one. Register this computer again.",
  webhookNowhere:
    "Meta sends this app's calls to no address at all, not to this computer ({callbackUrl}): another copy of the app may have registered after this one. Register this computer again.",
  webhookWithoutCalls:
    'The webhook is registered without the calls field, so Meta sends no calls to it. Register it again.',
  skipUnreachable: 'Skipped until this computer is reachable from the internet.',
  webhookNotRegistered:
    'The webhook is not registered yet: save the Page and app above, then register it.',
  webhookRegistering: 'Still registering the webhook with Meta; check again in a few seconds.',
  webhookPassed: 'Meta sends calls to {url}.',
  skipNotRegistered: 'Skipped until the webhook is registered.',
  handshakeThrough:
    "Meta's verification request reached this computer through {url} (at {time} UTC).",
  handshakePassed:
    "Meta's verification request reached this computer through the public address (at {time} UTC).",
  handshakeOtherToken:
    'A verification request arrived, but with another verify token: another copy of the app is answering for this address. Register this computer again.',
  handshakeNever:
    'Meta accepted the address, but its verification request never arrived here, so calls would go elsewhere. Check that the tunnel or your own public address forwards to this computer, then register again.'
}
