import { Alert, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../src/modules/cases/contract';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { statusLabel } from '../cases/labels';
import { AssessmentSection } from './AssessmentSection';
import { useReintegration } from './api';
import { DeliveriesSection } from './DeliveriesSection';
import { PlanSection } from './PlanSection';

/** The case page's reintegration tab: needs assessment, plan editor and deliveries. */
export function ReintegrationTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const query = useReintegration(detail.id);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const view = query.data;
  return (
    <Stack gap="lg">
      {view.inReintegration ? null : (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
          <Text size="sm">
            {t('reintegration.notInReintegration', { status: statusLabel(view.caseStatus, t) })}
          </Text>
        </Alert>
      )}
      {view.projectId === null ? (
        <Text size="sm" c="dimmed">
          {t('reintegration.noProject')}
        </Text>
      ) : null}
      <AssessmentSection view={view} canEdit={view.canEdit} />
      <PlanSection view={view} />
      <DeliveriesSection view={view} attachments={detail.attachments} />
    </Stack>
  );
}
