import { useTranslation } from 'react-i18next';
import { SubNavigation } from '../../shared/layout/SubNavigation';

export function EmploymentNav() {
  const { t } = useTranslation();
  return (
    <SubNavigation
      label={t('employment.nav.label')}
      items={[
        { to: '/employment', label: t('employment.nav.openings') },
        { to: '/employment/employers', label: t('employment.nav.employers') },
        { to: '/employment/placements', label: t('employment.nav.placements') },
      ]}
    />
  );
}
