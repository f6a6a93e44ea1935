/** Page setup and joining a hub: the wizard, credentials, checks, the webhook owner and hub notices. */
export default {}
