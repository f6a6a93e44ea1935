/**
 * A light look at a pasted invitation before it is sent (`https://<hub>#msp1.<…>`): enough to catch
 * a wrong paste (the hub's address alone, a chat message) with a sentence; the core reads it in
 * full and says what is wrong with anything that passes here.
 */
const INVITATION = /^(https?|wss?):\/\/[^#]+#msp1\.\S+$/i

/** The invitation as the core takes it: the spaces and line breaks a copy may add, removed. */
export function compactInvitation(text: string): string {
  return text.replace(/\s+/g, '')
}

/** Why `text` is not an invitation, in a sentence; undefined when it looks like one. */
export function invitationProblem(text: string): string | undefined {
  const compact = compactInvitation(text)
  if (compact === '') return 'Paste the invitation first.'
  if (INVITATION.test(compact)) return undefined
  if (!compact.includes('#msp1.')) {
    return 'This is not a whole invitation: it ends with #msp1. and a long code. Copy it again with the Copy button.'
  }
  return 'An invitation starts with https:// (the hub’s address), then #msp1. and the code.'
}
