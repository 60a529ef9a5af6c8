import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../../../src/platform/permissions';
import { PageHeader } from '../../shared/components/PageHeader';
import { useCan } from './session';

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const can = useCan();
  const { t } = useTranslation();
  if (can(permission)) return children;
  return (
    <>
      <PageHeader title={t('errors.forbiddenTitle')} />
      <Text>{t('errors.forbidden')}</Text>
    </>
  );
}
