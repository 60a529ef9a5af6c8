import type { Me } from '../../../src/modules/identity/contract';
import type {
  ContentItem,
  ContentSummary,
  Image,
  PublicFigureOption,
  Revision,
} from '../features/content/api';
import { makeMe, PARIS_ID } from './fixtures';
import { makeProject } from './fixtures-more';

export const CONTENT_ID = '71717171-7171-4171-8171-717171717171';
export const IMAGE_ID = '72727272-7272-4272-8272-727272727272';
export const FILE_ID = '73737373-7373-4373-8373-737373737373';
/** The communications officer (Léa Fontaine, Paris): writes, reviews, publishes. */
export const LEA_ID = '74747474-7474-4474-8474-747474747474';
/** The project manager (Karim Benali, Paris): reads and reviews. */
export const KARIM_ID = '75757575-7575-4575-8575-757575757575';
/** Another communications officer (Chloé Bernard). */
export const CHLOE_ID = '76767676-7676-4676-8676-767676767676';
export const CARE_PROJECT = makeProject({
  id: '77777777-7777-4777-8777-777777777777',
  code: 'CARE',
  name: 'CARE – Réintégration des victimes de la traite',
});

export function makeCommunications(overrides: Partial<Me> = {}): Me {
  return makeMe({
    user: {
      id: LEA_ID,
      email: 'comms.paris@passerelle.test',
      displayName: 'Léa Fontaine',
      locale: 'fr',
      mustChangePassword: false,
    },
    memberships: [{ officeId: PARIS_ID, officeCode: 'PARIS', officeName: 'Paris', role: 'communications' }],
    permissions: [
      'offices.read',
      'projects.read',
      'activities.read',
      'content.read',
      'content.write',
      'content.review',
      'content.publish',
    ],
    ...overrides,
  });
}

export function makeContentReviewer(overrides: Partial<Me> = {}): Me {
  return makeMe({
    user: {
      id: KARIM_ID,
      email: 'pm.paris@passerelle.test',
      displayName: 'Karim Benali',
      locale: 'fr',
      mustChangePassword: false,
    },
    memberships: [{ officeId: PARIS_ID, officeCode: 'PARIS', officeName: 'Paris', role: 'project_manager' }],
    permissions: ['offices.read', 'projects.read', 'content.read', 'content.review'],
    ...overrides,
  });
}

export function makeImage(overrides: Partial<Image> = {}): Image {
  return {
    id: IMAGE_ID,
    alt: { fr: 'Des tentes dans la lande de Calais', en: 'Tents in the Calais heath' },
    width: 1600,
    height: 900,
    widths: [480, 960, 1600],
    url: `/site/media/${IMAGE_ID}-960.webp`,
    ...overrides,
  };
}

const lea = { userId: LEA_ID, name: 'Léa Fontaine' };

export function makeContentItem(overrides: Partial<ContentItem> = {}): ContentItem {
  return {
    id: CONTENT_ID,
    kind: 'statement',
    status: 'draft',
    officeId: PARIS_ID,
    projectId: null,
    tags: ['calais'],
    translations: {
      fr: {
        slug: 'situation-a-calais',
        title: 'Situation à Calais',
        summary: 'Notre position sur la situation humanitaire à Calais.',
        bodyHtml:
          '<p>Les personnes assistées dans le cadre de CARE : <span data-figure="CARE/persons_assisted"></span>.</p>',
      },
    },
    coverImage: null,
    publicationFile: null,
    images: [makeImage()],
    revision: 3,
    publishedRevision: null,
    publishAt: null,
    publishedAt: null,
    review: null,
    createdBy: lea,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedBy: lea,
    updatedAt: '2026-03-02T10:30:00.000Z',
    version: 3,
    publicUrls: { fr: null, en: null },
    ...overrides,
  };
}

export function makeSummary(item: ContentItem = makeContentItem(), overrides: Partial<ContentSummary> = {}) {
  const summary: ContentSummary = {
    id: item.id,
    kind: item.kind,
    status: item.status,
    tags: item.tags,
    revision: item.revision,
    publishedRevision: item.publishedRevision,
    publishAt: item.publishAt,
    publishedAt: item.publishedAt,
    updatedAt: item.updatedAt,
    updatedBy: item.updatedBy,
    version: item.version,
    title: item.translations.fr.title,
    lang: 'fr',
    ...overrides,
  };
  return summary;
}

export function makeRevisions(authors: { userId: string; name: string }[] = [lea, lea, lea]): Revision[] {
  return authors.map((author, index) => ({
    number: index + 1,
    author,
    createdAt: `2026-03-0${index + 1}T10:00:00.000Z`,
    changed: index === 0 ? [] : ['translations.fr.bodyHtml', 'tags'],
    published: false,
  }));
}

export const FIGURES: PublicFigureOption[] = [
  {
    ref: 'CARE/persons_assisted',
    projectCode: 'CARE',
    definition: 'persons_assisted',
    label: { fr: 'Personnes assistées (CARE)', en: 'Persons assisted (CARE)' },
  },
  {
    ref: 'MAGNET-II/returnees',
    projectCode: 'MAGNET-II',
    definition: 'returnees',
    label: { fr: 'Personnes de retour (MAGNET II)', en: 'Returnees (MAGNET II)' },
  },
];
