/** The office's public content (issue 14): news, statements, project pages, publications, standing pages. */
export { CONTENT_KINDS, type ContentKind, SITE_LANGS, type SiteLang } from './contract';
export { fileUrl, imageUrl, MEDIA_PREFIX, publicPath, SECTION_OF_KIND } from './paths';
export { contentRoutes } from './routes';
export { siteSource } from './site-source';
