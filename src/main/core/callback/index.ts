/** Calling customers back: permission, the opt-in request, and placing the call. */
export {
  CallBack,
  type CallBackDeps,
  type CallBackEvents,
  type CallBackGraph,
  type PermissionReply
} from './call-back'
export {
  OutboundDialer,
  type DialerDeps,
  type OutboundInbox,
  type Placement
} from './outbound-dialer'
export { toPermissionInfo, type LocalPermission, type PermissionInput } from './permissions'
