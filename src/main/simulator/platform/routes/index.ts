/** Every Graph route the fake platform serves, in one table. */
import type { Route } from '../world'
import { callRoutes } from './calls'
import { messagingRoutes } from './messaging'
import { nodeRoutes } from './nodes'
import { pageSetupRoutes } from './page-setup'
import { subscriptionRoutes } from './subscriptions'

export const ROUTES: readonly Route[] = [
  ...nodeRoutes,
  ...callRoutes,
  ...pageSetupRoutes,
  ...subscriptionRoutes,
  ...messagingRoutes
]

export { callAction } from './calls'
