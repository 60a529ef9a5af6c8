import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PlanWarning } from './api';
import { useWarningMessage } from './labels';

/** The plan's budget warnings, as approval would refuse it: shown while the plan is edited. */
export function PlanWarnings({ warnings }: { warnings: PlanWarning[] }) {
  const { t } = useTranslation();
  const message = useWarningMessage();
  if (warnings.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      title={t('reintegration.warnings.title')}
      icon={<IconAlertTriangle aria-hidden />}
      role="status"
    >
      <List size="sm" spacing={4}>
        {warnings.map((warning) => (
          <List.Item key={`${warning.code}-${JSON.stringify(warning.params)}`}>{message(warning)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
