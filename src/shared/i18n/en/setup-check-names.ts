/**
 * Page setup's checklist: each check's title and each fix's button (shared/onboarding.ts names
 * their keys). The core's English titles and labels are these texts too.
 */
export default {
  titles: {
    app: 'App id and app secret',
    token: 'Page access token',
    tokenPage: 'Token for this Page',
    tokenExpiry: 'Token lifetime',
    permissions: 'Permissions',
    appMode: 'App mode (Development or Live)',
    pageSubscription: 'Page sends calls to the app',
    ringTarget: 'Calls ring in this app',
    audio: 'Voice calls turned on',
    tunnel: 'Reachable from the internet',
    webhook: 'Webhook registered with Meta',
    handshake: "Meta's check reached this computer"
  },
  fixes: {
    subscribePage: 'Subscribe the Page',
    ringHere: 'Ring calls here',
    enableAudio: 'Turn on voice calls',
    registerNow: 'Register now',
    registerAgain: 'Register again',
    tryAgain: 'Try again'
  }
}
