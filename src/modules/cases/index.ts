export { casesRoutes } from './routes';
