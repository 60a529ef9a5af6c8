/**
 * The site's languages and the kinds of content it shows, from the content module's door: the one import of
 * a module in the site besides `source.ts` (the rendering files, `.tsx`, import only the site's own files).
 */
export { CONTENT_KINDS, type ContentKind, SITE_LANGS, type SiteLang } from '../modules/content';
