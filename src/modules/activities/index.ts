export type { Indicators } from './contract';
export { activityIndicators, type IndicatorOptions } from './indicators';
export { activitiesRoutes } from './routes';
export { SMALL_CELL_THRESHOLD, suppressBreakdown, suppressSmallCells } from './suppression';
