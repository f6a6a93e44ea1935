/** The tunnel that gives the webhook listener a public URL, and its registration with Meta. */
export { TUNNEL_BACKOFF, REGISTRATION_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff'
export {
  TunnelError,
  joinUrlPath,
  type TunnelConnection,
  type TunnelConnector,
  type TunnelRequest
} from './connection'
export {
  localtunnelConnector,
  openLocaltunnel,
  type LocaltunnelOptions
} from './localtunnel-client'
export {
  WEBHOOK_FIELDS,
  WebhookRegistrar,
  echoesChallenge,
  type HandshakeCheck,
  type RegistrationGate,
  type WebhookRegistrarOptions
} from './registrar'
export {
  startTunnel,
  type StartTunnelOptions,
  type TunnelHost,
  type TunnelRuntime
} from './start-tunnel'
export {
  DEFAULT_TUNNEL_HOST,
  TunnelService,
  type TunnelConfig,
  type TunnelServiceOptions
} from './tunnel-service'
