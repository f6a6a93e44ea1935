/**
 * A light look at a pasted invitation before it is sent (`https://<hub>#msp1.<…>`): enough to catch
 * a wrong paste (the hub's address alone, a chat message), which the form words; the core reads it
 * in full and says what is wrong with anything that passes here.
 */
const INVITATION = /^(https?|wss?):\/\/[^#]+#msp1\.\S+$/i

/** The invitation as the core takes it: the spaces and line breaks a copy may add, removed. */
export function compactInvitation(text: string): string {
  return text.replace(/\s+/g, '')
}

/**
 * Why a paste is not an invitation: nothing pasted, no `#msp1.` code (a part, or the hub's address
 * alone), or the code without an address before it.
 */
export type InvitationProblem = 'empty' | 'incomplete' | 'address'

/** Why `text` is not an invitation; undefined when it looks like one. */
export function invitationProblem(text: string): InvitationProblem | undefined {
  const compact = compactInvitation(text)
  if (compact === '') return 'empty'
  if (INVITATION.test(compact)) return undefined
  return compact.includes('#msp1.') ? 'address' : 'incomplete'
}
