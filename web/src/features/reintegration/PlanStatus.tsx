import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format/useFormat';
import type { Plan } from './api';

const STATUS_COLOR = { draft: 'gray', submitted: 'orange', approved: 'green' } as const;

/**
 * The last decision was a "send back" when the plan is a draft again and no approved version carries the
 * decision's time (an approved plan edited afterwards is a draft too, but its decision was the approval).
 */
function wasSentBack(plan: Plan): boolean {
  return (
    plan.status === 'draft' &&
    plan.decidedAt !== null &&
    !plan.versions.some((v) => v.approvedAt === plan.decidedAt)
  );
}

/** Where the plan stands: its status, who submitted or decided, and whether changes await approval. */
export function PlanStatus({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const format = useFormat();
  const changed = plan.status === 'draft' && plan.approvedVersion !== null;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {t('reintegration.plan.status')}
        </Text>
        <Badge color={STATUS_COLOR[plan.status]} variant="light" tt="none">
          {t(`reintegration.plan.statuses.${plan.status}`)}
        </Badge>
        {plan.approvedVersion !== null ? (
          <Text size="sm" c="dimmed">
            {t('reintegration.plan.approvedVersion', { version: plan.approvedVersion })}
          </Text>
        ) : null}
      </Group>
      {plan.status === 'submitted' && plan.submittedByName && plan.submittedAt ? (
        <Text size="sm">
          {t('reintegration.plan.submittedBy', {
            name: plan.submittedByName,
            date: format.dateTime(plan.submittedAt),
          })}{' '}
          {t('reintegration.plan.waiting')}
        </Text>
      ) : null}
      {plan.status === 'approved' && plan.decidedByName && plan.decidedAt ? (
        <Text size="sm">
          {t('reintegration.plan.approvedBy', {
            name: plan.decidedByName,
            date: format.dateTime(plan.decidedAt),
          })}
          {plan.decisionComment
            ? ` ${t('reintegration.plan.decisionComment', { comment: plan.decisionComment })}`
            : ''}
        </Text>
      ) : null}
      {wasSentBack(plan) && plan.decidedByName && plan.decidedAt ? (
        <Alert color="orange" variant="light" title={t('reintegration.plan.sentBackTitle')}>
          <Text size="sm">
            {t('reintegration.plan.sentBackBy', {
              name: plan.decidedByName,
              date: format.dateTime(plan.decidedAt),
              comment: plan.decisionComment ?? '',
            })}
          </Text>
        </Alert>
      ) : null}
      {changed ? (
        <Alert color="orange" variant="light" role="status">
          <Text size="sm">{t('reintegration.plan.needsReapproval', { version: plan.approvedVersion })}</Text>
        </Alert>
      ) : null}
    </Stack>
  );
}
