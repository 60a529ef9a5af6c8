import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/session';
import { useProjects } from '../projects/api';
import type { ContentItem, CreateContent } from './api';
import { valueAt } from './form';
import { kindLabel } from './labels';

const EXCERPT = 280;

/**
 * A field's value in words, to compare versions: the kind and project by name, an image by its alt text, a
 * body as its text (shortened), an empty value as a dash.
 */
export function useShowValue(item: ContentItem | null): (body: CreateContent, path: string) => string {
  const { t } = useTranslation();
  const can = useCan();
  const projects = useProjects({ enabled: can('projects.read') });
  return (body, path) => {
    const value = valueAt(body, path);
    if (value === undefined || value === null || value === '') return t('common.none');
    if (Array.isArray(value)) return value.length === 0 ? t('common.none') : value.join(', ');
    switch (path) {
      case 'kind':
        return kindLabel(value, t);
      case 'projectId': {
        const project = projects.data?.find((p) => p.id === value);
        return project ? `${project.code} – ${project.name}` : value;
      }
      case 'coverImageId':
        return item?.images.find((i) => i.id === value)?.alt.fr ?? t('content.images.other');
      case 'publicationFileId':
        return item?.publicationFile?.id === value
          ? item.publicationFile.fileName
          : t('content.publicationFile.other');
      default:
        return value.length > EXCERPT ? `${value.slice(0, EXCERPT)}…` : value;
    }
  };
}
