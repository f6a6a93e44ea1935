/** The Graph API client, its errors and the caller-profile cache. */
export { GraphClient, type GraphClientOptions } from './client'
export { GraphMessagesApi, type CallButtonMessage } from './messages-api'
export { GraphCallsApi, type CallMetricsReport, type ConnectResult } from './calls-api'
export {
  GraphProfilesApi,
  DEFAULT_PHOTO_TIMEOUT_MS,
  DEFAULT_PROFILE_TIMEOUT_MS,
  type CallerProfile,
  type GraphProfilesOptions
} from './profiles-api'
export { GraphSetupApi, type AppWebhookSubscription } from './setup-api'
export {
  GraphError,
  defaultUserWords,
  isGraphError,
  toServiceError,
  type GraphErrorInit,
  type GraphErrorKind
} from './errors'
export {
  ProfileCache,
  PROFILE_CACHE_SIZE,
  PROFILE_FAILURE_TTL_MS,
  PROFILE_LOOKUP_TIMEOUT_MS,
  PROFILE_TTL_MS,
  type ProfileCacheOptions,
  type ProfileSource
} from './profile-cache'
export { NETWORK_WORDS, networkFailure, type NetworkFailure } from './network'
export { AppInfo, PageInfo, type TokenDebug } from './schemas'
export {
  DEFAULT_GRAPH_HOST,
  DEFAULT_GRAPH_VERSION,
  DEFAULT_TIMEOUT_MS,
  appsecretProof,
  type CredentialsSource,
  type GraphCredentials
} from './transport'
