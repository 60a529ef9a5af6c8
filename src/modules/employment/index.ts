export { employmentRoutes } from './routes';
