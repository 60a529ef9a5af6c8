import './content.css';
import { Box, Group, Radio, Stack, Text, Title, Typography } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../shared/components/Section';
import { type ContentItem, useFigures } from './api';
import type { SiteLang } from './labels';

/** The elements and attributes the server's sanitiser keeps; anything else is dropped here too. */
const ELEMENTS = new Set([
  'P',
  'BR',
  'H2',
  'H3',
  'H4',
  'STRONG',
  'B',
  'EM',
  'I',
  'U',
  'S',
  'DEL',
  'UL',
  'OL',
  'LI',
  'BLOCKQUOTE',
  'A',
  'FIGURE',
  'FIGCAPTION',
  'IMG',
  'PICTURE',
  'SOURCE',
  'SPAN',
]);
const ATTRIBUTES: Record<string, string[]> = {
  A: ['href', 'title', 'rel'],
  IMG: ['src', 'alt', 'width', 'height', 'srcset', 'sizes'],
  SOURCE: ['srcset', 'type', 'sizes'],
  SPAN: ['data-figure'],
};
const SAFE_URL = /^(?:https?:|mailto:|\/(?!\/))/i;
/** Elements dropped with everything they hold: what could run, load or hide content. */
const DROPPED = new Set([
  'SCRIPT',
  'STYLE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'TEMPLATE',
  'SVG',
  'MATH',
  'NOSCRIPT',
  'LINK',
  'META',
]);

/**
 * The server's sanitised HTML, checked once more before it is put in the page (defence in depth: the
 * server's sanitiser is the rule), with live figures labelled as the site will fill them.
 */
export function previewHtml(html: string, figureLabel: (ref: string) => string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const clean = (parent: Element) => {
    for (const child of [...parent.children]) {
      const tag = child.tagName.toUpperCase();
      if (DROPPED.has(tag)) {
        child.remove();
        continue;
      }
      if (!ELEMENTS.has(tag)) {
        // An element the site does not show leaves its (cleaned) content in its place.
        clean(child);
        child.replaceWith(...child.childNodes);
        continue;
      }
      const allowed = ATTRIBUTES[tag] ?? [];
      for (const attribute of [...child.attributes]) {
        const keep =
          allowed.includes(attribute.name) &&
          (!['href', 'src'].includes(attribute.name) || SAFE_URL.test(attribute.value.trim()));
        if (!keep) child.removeAttribute(attribute.name);
      }
      if (tag === 'A') child.setAttribute('rel', 'noopener');
      if (tag === 'SPAN' && child.hasAttribute('data-figure'))
        child.textContent = figureLabel(child.getAttribute('data-figure') ?? '');
      else clean(child);
    }
  };
  clean(doc.body);
  return doc.body.innerHTML;
}

/** The working draft as saved, as the site will show it (the server's sanitised HTML), read-only. */
export function PreviewSection({ item }: { item: ContentItem }) {
  const { t } = useTranslation();
  const languages: SiteLang[] = item.translations.en ? ['fr', 'en'] : ['fr'];
  const [lang, setLang] = useState<SiteLang>('fr');
  const shown: SiteLang = languages.includes(lang) ? lang : 'fr';
  const translation = item.translations[shown] ?? item.translations.fr;
  const figures = useFigures();
  const html = useMemo(
    () =>
      previewHtml(translation.bodyHtml, (ref) =>
        t('content.figures.previewValue', {
          label: figures.data?.find((f) => f.ref === ref)?.label[shown] ?? ref,
        }),
      ),
    [translation.bodyHtml, figures.data, shown, t],
  );
  return (
    <Section id="content-preview" title={t('content.preview.title')}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('content.preview.intro', { revision: item.revision })}
        </Text>
        {languages.length > 1 ? (
          <Radio.Group
            label={t('content.preview.language')}
            value={shown}
            onChange={(value) => setLang(value === 'en' ? 'en' : 'fr')}
          >
            <Group gap="md" mt={4}>
              {languages.map((l) => (
                <Radio key={l} value={l} label={t(`content.languages.${l}`)} />
              ))}
            </Group>
          </Radio.Group>
        ) : null}
        <Box
          component="article"
          lang={shown}
          className="content-preview"
          p="md"
          bd="1px solid var(--mantine-color-gray-3)"
        >
          <Title order={3}>
            <bdi>{translation.title}</bdi>
          </Title>
          {translation.summary ? (
            <Text fw={500} mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
              {translation.summary}
            </Text>
          ) : null}
          {item.coverImage ? (
            <Box
              component="img"
              src={item.coverImage.url}
              alt={item.coverImage.alt[shown] ?? item.coverImage.alt.fr}
              mt="sm"
              style={{ maxWidth: '100%', height: 'auto' }}
            />
          ) : null}
          <Typography mt="md">
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the server's sanitised HTML, checked again by previewHtml. */}
            <div dangerouslySetInnerHTML={{ __html: html }} />
          </Typography>
        </Box>
      </Stack>
    </Section>
  );
}
