import { useTranslation } from 'react-i18next';
import { SubNavigation } from '../../shared/layout/SubNavigation';

export function ActivitiesNav() {
  const { t } = useTranslation();
  return (
    <SubNavigation
      label={t('activities.nav.label')}
      items={[
        { to: '/activities', label: t('activities.nav.activities') },
        { to: '/activities/campaigns', label: t('activities.nav.campaigns') },
      ]}
    />
  );
}
