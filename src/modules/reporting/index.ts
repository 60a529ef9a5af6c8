/** Donor reporting: results frameworks, periods and snapshots, reports, dashboards, exports, donor access. */
export { catalogue } from './catalogue';
export { createExportWorker, exportRootOf, tidyExports } from './exports';
export { reportingRoutes } from './routes';
