/**
 * The office's public website (issue 14): news and statements, projects with live figures, publications and
 * standing pages, in French and English, rendered on the server. It reads only a `SiteSource` (published
 * content and suppressed figures, implemented by the content module) and imports no casework module.
 */
export { type Site, type SiteOptions, siteRoutes } from './routes';
export type { SiteSource } from './source';
