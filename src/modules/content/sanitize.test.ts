import { describe, expect, it } from 'vitest';
import { figuresIn, imagesIn, plainText, safeHref, sanitizeBody } from './sanitize';

const IMAGE = '0d9f7f7e-8a43-4c1e-9a3b-2f1f0c7d5e11';
const OTHER = '5b8c2a10-7e3d-4a57-b1d2-c3e4f5a6b7c8';
const images = new Map([[IMAGE, [480, 960]]]);
const clean = (html: string) => sanitizeBody(html, images);

/**
 * XSS payloads (from the OWASP filter-evasion cheat sheet and browser quirks): none may leave anything that
 * runs, loads or styles. Each is checked alone and inside allowed markup.
 */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//x.test/xss.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<<script>script>alert(1)<</script>/script>',
  '<img src=x onerror=alert(1)>',
  `<img src="/site/media/${IMAGE}-480.webp" alt="ok" onerror="alert(1)">`,
  `<img src="/site/media/${IMAGE}-480.webp" alt="ok" srcset="https://x.test/a.png 1x">`,
  '<img src="javascript:alert(1)" alt="x">',
  '<img src="data:image/svg+xml;base64,PHN2Zy8+" alt="x">',
  '<img """><script>alert(1)</script>">',
  '<p onclick="alert(1)" onmouseover=alert(1)>text</p>',
  '<body onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="jav&#x0A;ascript:alert(1)">x</a>',
  '<a href="jav&#x0D;ascript:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
  '<a href="java\u0000script:alert(1)">x</a>',
  '<a href="javascript&colon;alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="//evil.test/x">x</a>',
  '<a href="https://ok.test" onclick="alert(1)" target="_blank" style="x:expression(alert(1))">x</a>',
  '<svg onload=alert(1)><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math href="javascript:alert(1)">CLICK</math>',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<div style="width: expression(alert(1));">x</div>',
  '<span style="behavior:url(x.htc)" data-figure="CARE/persons_assisted">x</span>',
  '<span data-figure="CARE/persons_assisted" onmouseover="alert(1)">x</span>',
  '<span data-figure="\\"><script>alert(1)</script>">x</span>',
  '<iframe src="https://evil.test"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><input type=submit></form>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="https://evil.test/x.css">',
  '<video><source onerror="alert(1)"></video>',
  '<details open ontoggle=alert(1)>',
  '<template><script>alert(1)</script></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<p><b>unclosed <i>nesting</b> and <a href="https://ok.test">link <p>inside</a>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<textarea><script>alert(1)</script></textarea>',
  '<blockquote cite="javascript:alert(1)">q</blockquote>',
  '<p class="x" id="y" data-x="z">attrs</p>',
];

/** What must never appear in a sanitised body (case-insensitive). */
const FORBIDDEN = [
  /<script/i,
  /<\/script/i,
  /\son\w+\s*=/i,
  /javascript:/i,
  /vbscript:/i,
  /data:/i,
  /<svg/i,
  /<math/i,
  /<style/i,
  /style=/i,
  /<iframe/i,
  /<object/i,
  /<embed/i,
  /<form/i,
  /<base/i,
  /<meta/i,
  /<link/i,
  /srcset/i,
  /expression\(/i,
  /<!--/,
  /class=/i,
  /id=/i,
  /target=/i,
  /href="\/\//i,
  /src="(?!\/site\/media\/)/i,
];

describe('sanitizeBody', () => {
  it.each(PAYLOADS)('neutralises %s', (payload) => {
    for (const html of [payload, `<p>before ${payload} after</p>`, `<ul><li>${payload}</li></ul>`]) {
      const out = clean(html);
      for (const pattern of FORBIDDEN) expect(out, `${pattern} in ${out}`).not.toMatch(pattern);
      // Cleaning is stable: cleaning the result again changes nothing.
      expect(clean(out)).toBe(out);
    }
  });

  it('keeps the safe subset', () => {
    const html =
      '<h2>Title</h2><p><strong>bold</strong> <em>it</em> <u>u</u> <s>s</s><br /></p><hr />' +
      '<ul><li>one</li></ul><ol><li>two</li></ol><blockquote>q</blockquote>' +
      `<figure><img src="/site/media/${IMAGE}-960.webp" alt="A boat" /><figcaption>Caption</figcaption></figure>` +
      '<p><span data-figure="CARE/persons_assisted"></span> persons</p>';
    expect(clean(html)).toBe(html);
  });

  it('forces rel on links and keeps only http, https and mailto', () => {
    expect(clean('<a href="https://www.iom.int/x?a=1&b=2" rel="opener" target="_blank">IOM</a>')).toBe(
      '<a href="https://www.iom.int/x?a=1&amp;b=2" rel="noopener noreferrer">IOM</a>',
    );
    expect(clean('<a href="mailto:press@example.org">write</a>')).toBe(
      '<a href="mailto:press@example.org" rel="noopener noreferrer">write</a>',
    );
    expect(clean('<a href="/fr/news/x">relative</a>')).toBe('relative');
    expect(clean('<a href="ftp://x.test/f">ftp</a>')).toBe('ftp');
  });

  it('keeps images of the item only, at a stored width, with a text alternative', () => {
    expect(clean(`<img src="/site/media/${IMAGE}-1600.webp" alt="x">`)).toBe('');
    expect(clean(`<img src="/site/media/${OTHER}-480.webp" alt="x">`)).toBe('');
    expect(clean(`<img src="/site/media/${IMAGE}-480.webp">`)).toBe('');
    expect(clean(`<img src="/site/media/${IMAGE}-480.webp" alt="  ">`)).toBe('');
    expect(clean(`<img src="https://x.test/${IMAGE}-480.webp" alt="x">`)).toBe('');
  });

  it('keeps figure spans that name a figure, unwraps the others', () => {
    expect(clean('<span data-figure="care/persons">130</span>')).toBe('130');
    expect(clean('<span>plain</span>')).toBe('plain');
    expect(clean('<span data-figure="MAGNET-II/persons_placed">n</span>')).toBe(
      '<span data-figure="MAGNET-II/persons_placed">n</span>',
    );
  });

  it('closes the element after an unwrapped one under its own name', () => {
    expect(clean('<a href="javascript:x">a</a><a href="https://ok.test">b</a>')).toBe(
      'a<a href="https://ok.test" rel="noopener noreferrer">b</a>',
    );
    expect(clean('<span>a</span><span data-figure="CARE/persons_assisted">n</span>')).toBe(
      'a<span data-figure="CARE/persons_assisted">n</span>',
    );
    expect(clean(`<img src="x" alt="y"><p>t</p><img src="/site/media/${IMAGE}-480.webp" alt="z">`)).toBe(
      `<p>t</p><img src="/site/media/${IMAGE}-480.webp" alt="z" />`,
    );
  });

  it('maps what editors produce onto the subset', () => {
    expect(clean('<h1>a</h1><h6>b</h6><b>c</b><i>d</i><del>e</del>')).toBe(
      '<h2>a</h2><h4>b</h4><strong>c</strong><em>d</em><s>e</s>',
    );
  });

  it('lists the images and figures a body shows', () => {
    const body = clean(
      `<p><img src="/site/media/${IMAGE}-480.webp" alt="a"><span data-figure="CARE/persons_assisted"></span></p>`,
    );
    expect(imagesIn(body)).toEqual([IMAGE]);
    expect(figuresIn(body)).toEqual(['CARE/persons_assisted']);
  });
});

describe('safeHref', () => {
  it.each([
    ['https://example.org/a', 'https://example.org/a'],
    ['  http://example.org  ', 'http://example.org'],
    ['mailto:a@b.test', 'mailto:a@b.test'],
    ['javascript:alert(1)', null],
    ['java\tscript:alert(1)', null],
    ['https://exa mple.org', null],
    ['https://', null],
    ['mailto:', null],
    ['/relative', null],
    ['\u202ehttps://x.test', null],
  ])('%j → %j', (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });
});

describe('plainText', () => {
  it('strips markup and keeps the text as typed', () => {
    expect(plainText('Calais & Dunkerque: <b>now</b> a < b "quoted"')).toBe(
      'Calais & Dunkerque: now a < b "quoted"',
    );
    expect(plainText('<img src=x onerror=alert(1)>Title')).toBe('Title');
    expect(plainText('x<script>alert(1)</script>y')).toBe('xy');
    expect(plainText('line one\nline two')).toBe('line one\nline two');
  });

  it('is idempotent, even for markup spelled with entities', () => {
    for (const input of [
      '&lt;script&gt;alert(1)&lt;/script&gt;',
      '<<script>script>alert(1)<</script>/script>',
      '&lt;img src=x onerror=alert(1)&gt;',
      'Plain & simple',
    ]) {
      const once = plainText(input);
      expect(once).not.toMatch(/<script|onerror=/i);
      expect(plainText(once)).toBe(once);
    }
  });
});
