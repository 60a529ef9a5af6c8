export type { Indicators } from './contract';
export { activityIndicators, type IndicatorOptions } from './indicators';
export { activitiesRoutes } from './routes';
