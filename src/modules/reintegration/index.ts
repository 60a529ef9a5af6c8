/** Reintegration: needs assessments, plans with versioned approval under budget, deliveries. */
export { reintegrationRoutes } from './routes';
