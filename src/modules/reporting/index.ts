/** Donor reporting: results frameworks, periods and snapshots, reports, dashboards, exports, donor access. */
export { catalogue } from './catalogue';
export { reportingRoutes } from './routes';
export { exportRootOf, tidyExports } from './exports';
