import { useTranslation } from 'react-i18next';
import { SubNavigation } from '../../shared/layout/SubNavigation';

/** The resettlement pages of a project; the project chosen travels with the links. */
export function ResettlementNav({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const query = projectId ? `?project=${encodeURIComponent(projectId)}` : '';
  const items = [
    { to: '/resettlement', label: t('resettlement.nav.pipeline') },
    { to: '/resettlement/funnel', label: t('resettlement.nav.funnel') },
    { to: '/resettlement/batches', label: t('resettlement.nav.batches') },
    { to: '/resettlement/movements', label: t('resettlement.nav.movements') },
  ];
  return (
    <SubNavigation
      label={t('resettlement.nav.label')}
      items={items.map((item) => ({ ...item, to: `${item.to}${query}`, match: item.to }))}
    />
  );
}
