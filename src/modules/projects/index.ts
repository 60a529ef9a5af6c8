export { findProject, insertProject, listProjects } from './repository';
export { projectsRoutes } from './routes';
export { projectOffices, projects } from './tables';
