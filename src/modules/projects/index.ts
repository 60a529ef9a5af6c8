/** Projects (programmes) and the offices that run them. */
export { findProject, insertProject, listProjects, setProjectAllowanceAt } from './repository';
export { projectsRoutes } from './routes';
export { projectOffices, projects } from './tables';
export { assertProjectUsable } from './usable';
