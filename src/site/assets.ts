/**
 * The site's static assets: its stylesheet, read once, named after a hash of its content so it can be
 * cached for a year (a changed stylesheet gets a new name, and pages point to it).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';

export type Asset = { name: string; path: string; body: Buffer; contentType: string; etag: string };

function hashed(file: URL, stem: string, ext: string, contentType: string): Asset {
  const body = fs.readFileSync(file);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const name = `${stem}.${hash}.${ext}`;
  return { name, path: `/site/assets/${name}`, body, contentType, etag: `"${hash}"` };
}

let stylesheet: Asset | undefined;

export function siteStylesheet(): Asset {
  stylesheet ??= hashed(new URL('./site.css', import.meta.url), 'site', 'css', 'text/css; charset=utf-8');
  return stylesheet;
}
