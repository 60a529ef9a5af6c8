/** Return-to-employment support (MAGNET II): its routes, and its counts for project indicators. */

export { type BySex, type PlacementIndicators, placementIndicators } from './indicators';
export { employmentRoutes } from './routes';
