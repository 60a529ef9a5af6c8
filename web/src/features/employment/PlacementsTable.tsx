import { Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../shared/format/useFormat';
import { useCan } from '../auth/session';
import type { FollowUp, Placement } from './api';
import { FollowUpModal, openFollowUps } from './FollowUpModal';
import { followUpColor, followUpStatusLabel, outcomeLabel } from './labels';

function FollowUpLine({ followUp }: { followUp: FollowUp }) {
  const { t } = useTranslation();
  const format = useFormat();
  const detail =
    followUp.status === 'done'
      ? followUp.stillEmployed
        ? t('employment.followUp.stillEmployedYes')
        : t('employment.followUp.stillEmployedNo')
      : t('employment.followUp.dueOn', { date: format.calendarDate(followUp.dueDate) });
  return (
    <Text size="sm">
      {t('employment.followUp.monthLabel', { month: followUp.month })}{' '}
      <Badge color={followUpColor(followUp.status)} variant="light" tt="none" size="sm">
        {followUpStatusLabel(followUp.status, t)}
      </Badge>{' '}
      <Text span size="xs" c="dimmed">
        {detail}
      </Text>
    </Text>
  );
}

/** Placements with their 3- and 6-month follow-ups; the "still employed?" form for those that may be recorded. */
export function PlacementsTable({
  placements,
  showOpening = true,
}: {
  placements: Placement[];
  showOpening?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const canWrite = can('employment.write');
  const [recording, setRecording] = useState<Placement | null>(null);
  if (placements.length === 0) return <Text>{t('employment.placements.empty')}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table aria-label={t('employment.placements.tableLabel')} withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('employment.placements.person')}</Table.Th>
              {showOpening ? <Table.Th scope="col">{t('employment.placements.job')}</Table.Th> : null}
              <Table.Th scope="col">{t('employment.placements.startDate')}</Table.Th>
              <Table.Th scope="col">{t('employment.placements.outcome')}</Table.Th>
              <Table.Th scope="col">{t('employment.placements.followUps')}</Table.Th>
              {canWrite ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {placements.map((placement) => {
              const name = placement.personName ?? t('employment.placements.otherOffice');
              return (
                <Table.Tr key={placement.id}>
                  <Table.Th scope="row">
                    {placement.personName ? (
                      <Anchor component={Link} to={`/registry/${placement.personId}`} size="sm">
                        <bdi>{placement.personName}</bdi>
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {name}
                      </Text>
                    )}
                  </Table.Th>
                  {showOpening ? (
                    <Table.Td>
                      <Anchor component={Link} to={`/employment/openings/${placement.opening.id}`} size="sm">
                        <bdi>{placement.opening.title}</bdi>
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        <bdi>{placement.employer.name}</bdi>, <bdi>{placement.opening.location}</bdi>
                      </Text>
                    </Table.Td>
                  ) : null}
                  <Table.Td>{format.calendarDate(placement.startDate)}</Table.Td>
                  <Table.Td>
                    {outcomeLabel(placement.outcome, t)}
                    {placement.endedOn ? (
                      <Text size="xs" c="dimmed">
                        {t('employment.placements.endedOn', { date: format.calendarDate(placement.endedOn) })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      {placement.followUps.map((followUp) => (
                        <FollowUpLine key={followUp.month} followUp={followUp} />
                      ))}
                    </Stack>
                  </Table.Td>
                  {canWrite ? (
                    <Table.Td>
                      {openFollowUps(placement).length > 0 ? (
                        <Button
                          size="compact-xs"
                          variant="light"
                          aria-label={t('employment.followUp.recordLabel', { name })}
                          onClick={() => setRecording(placement)}
                        >
                          {t('employment.followUp.record')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canWrite ? <FollowUpModal placement={recording} onClose={() => setRecording(null)} /> : null}
    </>
  );
}
