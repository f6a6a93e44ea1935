/** Onboarding: saving the Page and app, the setup checks and their fixes. */
export {
  DEFAULT_SETTLE_TIMEOUT_MS,
  createOnboarding,
  type OnboardingDeps,
  type OnboardingGraph,
  type OnboardingPort
} from './onboarding'
export { pageConnection, readCredentials } from './credentials'
export { CHECK_TITLES } from './check'
