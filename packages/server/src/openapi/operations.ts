import { accountOperations } from './account-operations.js';
import { adminOperations } from './admin-operations.js';
import { browserOperations } from './browser-operations.js';
import { clientKeyOperations, clientOperations } from './client-operations.js';
import { connectPageOperations } from './connect-page-operations.js';
import { dashboardOperations } from './dashboard-operations.js';
import { exchangeOperations } from './exchange-operations.js';
import type { Operation } from './operation-types.js';
import { opsOperations } from './ops-operations.js';
import { proxyOperations } from './proxy-operations.js';

export { devHomeOperation } from './ops-operations.js';

/** Every documented operation; this order is the order of the OpenAPI document's paths. */
export const operations: Operation[] = [
  ...opsOperations,
  ...browserOperations,
  ...accountOperations,
  ...clientKeyOperations,
  ...adminOperations,
  ...clientOperations,
  ...exchangeOperations,
  ...connectPageOperations,
  ...dashboardOperations,
  ...proxyOperations(),
];
