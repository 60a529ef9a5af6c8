import { describe, expect, it } from 'vitest';
import { auditChanges, changedFields, type Snapshot } from './changes';

const base: Snapshot = {
  projectId: null,
  tags: ['calais'],
  translations: { fr: { slug: 'a', title: 'Titre', summary: '', bodyHtml: '<p>x</p>' } },
  coverImageId: null,
  publicationFileId: null,
};

describe('changedFields', () => {
  it('lists what a first revision fills', () => {
    expect(changedFields(null, base)).toEqual([
      'tags',
      'translations.fr.slug',
      'translations.fr.title',
      'translations.fr.bodyHtml',
    ]);
  });

  it('lists the fields that differ, a translation added as a whole', () => {
    const after: Snapshot = {
      ...base,
      tags: ['calais', 'care'],
      translations: {
        fr: { ...base.translations.fr, title: 'Autre' },
        en: { slug: 'a', title: 'Title', summary: '', bodyHtml: '' },
      },
    };
    expect(changedFields(base, after)).toEqual(['tags', 'translations.fr.title', 'translations.en']);
    expect(changedFields(base, base)).toEqual([]);
  });

  it('records bodies by length and digest in the audit log', () => {
    const after = { ...base, translations: { fr: { ...base.translations.fr, bodyHtml: '<p>y!</p>' } } };
    const changes = auditChanges(base, after, changedFields(base, after));
    expect(changes).toEqual({
      'translations.fr.bodyHtml': {
        old: { chars: 8, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
        new: { chars: 9, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      },
    });
  });
});
