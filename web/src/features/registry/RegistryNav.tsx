import { useTranslation } from 'react-i18next';
import { SubNavigation } from '../../shared/layout/SubNavigation';
import { useCan } from '../auth/session';

/** People and duplicate review, for those who review duplicates (nothing for the others). */
export function RegistryNav() {
  const { t } = useTranslation();
  const can = useCan();
  if (!can('persons.merge')) return null;
  return (
    <SubNavigation
      label={t('registry.nav.label')}
      items={[
        { to: '/registry', label: t('registry.nav.persons') },
        { to: '/registry/duplicates', label: t('registry.nav.duplicates') },
      ]}
    />
  );
}
