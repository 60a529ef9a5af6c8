import { describe, expect, it } from 'vitest';
import { SlugSchema } from '../../../../src/modules/content/contract';
import { makeContentItem } from '../../test-utils/fixtures-content';
import { isSafeHref } from './editor/InsertDialogs';
import { changedPaths, itemBody, normalizeTag, plainText, slugify } from './form';

describe('slugify', () => {
  it.each([
    ['Situation à Calais', 'situation-a-calais'],
    ['COP21 : migrations et climat', 'cop21-migrations-et-climat'],
    ['L’œuvre des « passeurs »', 'l-oeuvre-des-passeurs'],
    ['  --Réinstallation   des Syriens--  ', 'reinstallation-des-syriens'],
    ['Straße 2015', 'strasse-2015'],
    ['!!!', ''],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
    if (slug) expect(SlugSchema.safeParse(slug).success).toBe(true);
  });

  it('stays within the contract’s 120 characters, without a trailing hyphen', () => {
    const slug = slugify(`${'a'.repeat(119)} b`);
    expect(slug.length).toBeLessThanOrEqual(120);
    expect(SlugSchema.safeParse(slug).success).toBe(true);
  });
});

describe('changedPaths', () => {
  it('names the fields two versions differ in, as the server does', () => {
    const a = itemBody(makeContentItem());
    const b = itemBody(
      makeContentItem({
        tags: ['calais', 'urgence'],
        translations: {
          fr: { ...makeContentItem().translations.fr, title: 'Autre titre' },
          en: { slug: 'calais', title: 'Calais', summary: '', bodyHtml: '' },
        },
      }),
    );
    expect(changedPaths(a, b)).toEqual(['tags', 'translations.fr.title', 'translations.en']);
    expect(changedPaths(a, a)).toEqual([]);
  });
});

describe('small rules', () => {
  it('normalises tags and reads the text of a body', () => {
    expect(normalizeTag('  Traite   des Êtres ')).toBe('traite des êtres');
    expect(plainText('<p>Un <strong>texte</strong></p><p>suivi.</p>')).toBe('Un texte suivi.');
  });

  it('accepts web and e-mail links only', () => {
    expect(isSafeHref('https://www.example.org/page?x=1')).toBe(true);
    expect(isSafeHref('http://example.org')).toBe(true);
    expect(isSafeHref('mailto:presse@example.org')).toBe(true);
    expect(isSafeHref('javascript:alert(1)')).toBe(false);
    expect(isSafeHref('data:text/html,<script>')).toBe(false);
    expect(isSafeHref('mailto:personne')).toBe(false);
    expect(isSafeHref('ftp://example.org')).toBe(false);
    expect(isSafeHref('https://exa mple.org')).toBe(false);
  });
});
