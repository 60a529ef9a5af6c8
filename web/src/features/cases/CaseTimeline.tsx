import { Badge, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../src/modules/cases/contract';
import { useFormat } from '../../shared/format/useFormat';
import { TimelineReferral } from '../referrals/TimelineReferral';
import { type CaseEventKind, statusLabel } from './labels';

const KINDS: readonly CaseEventKind[] = [
  'opened',
  'transition',
  'approval_requested',
  'approved',
  'rejected',
  'assigned',
  'reopened',
  'updated',
  'referred',
  'referral_answered',
  'transferred',
];

/** The case's history, most recent first. */
export function CaseTimeline({ events }: { events: CaseDetail['timeline'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (events.length === 0) return <Text>{t('cases.timeline.empty')}</Text>;
  const sorted = [...events].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Stack
      component="ol"
      gap="sm"
      aria-label={t('cases.timeline.label')}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {sorted.map((event) => (
        <li
          key={event.id}
          style={{ borderInlineStart: '3px solid var(--mantine-color-blue-3)', paddingInlineStart: 12 }}
        >
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={700}>
              {KINDS.includes(event.kind) ? t(`caseEvents.${event.kind}`) : event.kind}
            </Text>
            {event.fromStatus || event.toStatus ? (
              <Group gap={4} wrap="nowrap">
                {event.fromStatus ? (
                  <Badge variant="light" color="gray" tt="none">
                    {statusLabel(event.fromStatus, t)}
                  </Badge>
                ) : null}
                {event.fromStatus && event.toStatus ? <span aria-hidden>→</span> : null}
                {event.fromStatus && event.toStatus ? (
                  <VisuallyHidden> {t('cases.timeline.to')} </VisuallyHidden>
                ) : null}
                {event.toStatus ? (
                  <Badge variant="light" tt="none">
                    {statusLabel(event.toStatus, t)}
                  </Badge>
                ) : null}
              </Group>
            ) : null}
          </Group>
          <TimelineReferral kind={event.kind} data={event.data} />
          <Text size="sm" c="dimmed">
            <time dateTime={event.at}>{format.dateTime(event.at)}</time> ·{' '}
            {t('cases.timeline.by', { name: event.actorName })}
          </Text>
          {event.comment ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {event.comment}
            </Text>
          ) : null}
        </li>
      ))}
    </Stack>
  );
}
