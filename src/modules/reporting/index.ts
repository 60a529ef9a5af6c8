/** Donor reporting: results frameworks, periods and snapshots, reports, dashboards, exports, donor access. */
export { catalogue } from './catalogue';
export { createExportWorker, exportRootOf, tidyExports } from './exports';
export { refreshAllFacts } from './facts-repository';
export { addIndicator, addNode, updateIndicator } from './framework';
export { decideManualValue, enterManualValue } from './manual-values';
export { closePeriod, createPeriod } from './periods';
export {
  PUBLIC_DEFINITIONS,
  type PublicFigureValue,
  publicFigureDefinitions,
  publicFigureOptions,
  publicFigures,
} from './public-figures';
export { reportingRoutes } from './routes';
export { grantViewer } from './viewers';
