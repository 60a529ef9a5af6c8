/** The office's public content (issue 14): news, statements, project pages, publications, standing pages. */
export { CONTENT_KINDS, type ContentKind, SITE_LANGS, type SiteLang } from './contract';
