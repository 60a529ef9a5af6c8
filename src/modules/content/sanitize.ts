/**
 * What the rich-text editor sends is untrusted: the server keeps only a safe subset of HTML (ADR 0019), with
 * a kept library (sanitize-html) rather than our own parser. The public site renders the stored body as it
 * is, so this is the line between an editor's account and every visitor's browser.
 *
 * Kept: paragraphs, headings h2-h4, strong/em/u/s, line breaks, rules, lists, quotes, links (http, https,
 * mailto only, always rel="noopener noreferrer"), figures with captions, images of this item only (with a
 * non-empty alt), and live-figure spans (`<span data-figure="CARE/persons_assisted">`). Everything else goes:
 * scripts and styles with their content, event handlers, style and class attributes, srcset, iframes,
 * objects, SVG and MathML with their content, comments.
 */
import sanitizeHtml from 'sanitize-html';
import { FIGURE_REF } from './contract';
import { MEDIA_PREFIX } from './paths';

/** The item's images: id → the widths stored. */
export type ItemImages = ReadonlyMap<string, readonly number[]>;

/** Elements whose content is dropped with them (not shown as text either). */
const DROP_WITH_CONTENT = [
  'script',
  'style',
  'textarea',
  'option',
  'select',
  'button',
  'noscript',
  'noembed',
  'noframes',
  'template',
  'title',
  'head',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'xmp',
  'plaintext',
];

const BODY_TAGS = [
  'p',
  'h2',
  'h3',
  'h4',
  'strong',
  'em',
  'u',
  's',
  'br',
  'hr',
  'ul',
  'ol',
  'li',
  'blockquote',
  'a',
  'figure',
  'figcaption',
  'img',
  'span',
];

// Any whitespace or control character anywhere in an address: browsers strip some of them ("java\tscript:").
const BLANK_OR_CONTROL = /[\s\p{Cc}\p{Cf}]/u;

/** An outgoing link: http(s) with a host, or mailto; nothing relative, nothing else. */
export function safeHref(raw: string | undefined): string | null {
  if (!raw) return null;
  const href = raw.trim();
  if (href.length === 0 || href.length > 2000 || BLANK_OR_CONTROL.test(href)) return null;
  if (!/^(?:https?:\/\/|mailto:)/i.test(href)) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol === 'mailto:') return url.pathname.length > 0 ? href : null;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0) return href;
  return null;
}

const IMAGE_SRC = new RegExp(
  `^${MEDIA_PREFIX.replaceAll('/', '\\/')}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-(\\d{1,5})\\.webp$`,
);

/** An image of this item at one of its stored widths; null otherwise. */
function itemImageSrc(raw: string | undefined, images: ItemImages): string | null {
  const match = IMAGE_SRC.exec(raw?.trim() ?? '');
  if (!match) return null;
  const widths = images.get(match[1] as string);
  return widths?.includes(Number(match[2])) ? (raw?.trim() ?? null) : null;
}

const rename =
  (tagName: string): sanitizeHtml.Transformer =>
  (_tag, attribs) => ({ tagName, attribs });

/**
 * An element that failed its check keeps its name and loses its attributes; `exclusiveFilter` then drops
 * it and keeps its text. (Renaming it to a tag no list allows would be shorter, but sanitize-html then
 * closes the next element of the same depth under that name.)
 */
const stripped = (tagName: string): sanitizeHtml.Tag => ({ tagName, attribs: {} });

/** The attribute each checked element cannot be without. */
const REQUIRED: Record<string, string> = { a: 'href', img: 'src', span: 'data-figure' };

/** The body's HTML reduced to the safe subset; images must be among `images`. */
export function sanitizeBody(html: string, images: ItemImages): string {
  return sanitizeHtml(html, {
    allowedTags: BODY_TAGS,
    allowedAttributes: { a: ['href', 'rel'], img: ['src', 'alt'], span: ['data-figure'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: {},
    allowProtocolRelative: false,
    allowedClasses: {},
    allowedStyles: {},
    disallowedTagsMode: 'discard',
    nonTextTags: DROP_WITH_CONTENT,
    allowVulnerableTags: false,
    transformTags: {
      // What editors and pasted documents produce, mapped onto the subset.
      h1: rename('h2'),
      h5: rename('h4'),
      h6: rename('h4'),
      b: rename('strong'),
      i: rename('em'),
      del: rename('s'),
      strike: rename('s'),
      a: (_tag, attribs) => {
        const href = safeHref(attribs.href);
        // A link to anywhere else keeps its text and loses its address.
        return href ? { tagName: 'a', attribs: { href, rel: 'noopener noreferrer' } } : stripped('a');
      },
      img: (_tag, attribs) => {
        const src = itemImageSrc(attribs.src, images);
        const alt = (attribs.alt ?? '').replace(/\s+/g, ' ').trim();
        return src && alt ? { tagName: 'img', attribs: { src, alt } } : stripped('img');
      },
      span: (_tag, attribs) => {
        const ref = attribs['data-figure']?.trim();
        return ref && FIGURE_REF.test(ref)
          ? { tagName: 'span', attribs: { 'data-figure': ref } }
          : stripped('span');
      },
    },
    // Links without a safe address, images not of this item, spans naming no figure: the tag goes, the
    // text stays.
    exclusiveFilter: (frame) => {
      const required = REQUIRED[frame.tag];
      return required && !frame.attribs[required] ? 'excludeTag' : false;
    },
  }).trim();
}

/** The images a (sanitised) body shows, by id, in order of first appearance. */
export function imagesIn(body: string): string[] {
  const found = new Set<string>();
  for (const m of body.matchAll(/<img src="([^"]*)"/g)) {
    const id = IMAGE_SRC.exec(m[1] as string)?.[1];
    if (id) found.add(id);
  }
  return [...found];
}

/** The live figures a (sanitised) body embeds. */
export function figuresIn(body: string): string[] {
  return [...new Set([...body.matchAll(/<span data-figure="([^"]*)"/g)].map((m) => m[1] as string))];
}

const decodeText = (s: string) =>
  s
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');

/**
 * Plain text (titles, summaries): any markup removed, the text kept as typed (the site escapes it when it
 * renders it). Repeated until nothing changes, so that cleaning is idempotent: text that spelled markup
 * with entities does not become markup on the next save.
 */
export function plainText(text: string): string {
  let current = text;
  for (let i = 0; i < 8; i++) {
    const next = decodeText(
      sanitizeHtml(current, {
        allowedTags: [],
        allowedAttributes: {},
        disallowedTagsMode: 'discard',
        nonTextTags: DROP_WITH_CONTENT,
      }),
    );
    if (next === current) return current.trim();
    current = next;
  }
  // Markup nested deeper than any editor writes: no angle bracket survives.
  return current.replace(/[<>]/g, '').trim();
}
