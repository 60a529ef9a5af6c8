export { indicatorsRoutes } from './routes';
