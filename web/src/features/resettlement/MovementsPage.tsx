import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Project } from '../../../../src/modules/projects/contract';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { ScrollTable } from '../../shared/components/ScrollTable';
import { useFormat } from '../../shared/format/useFormat';
import { useCan } from '../auth/session';
import { useMovements } from './api';
import { movementStatusLabel } from './labels';
import { MovementFormModal } from './MovementFormModal';
import { ResettlementFrame } from './ResettlementFrame';

export const movementStatusColor = (status: string) =>
  status === 'planned' ? 'blue' : status === 'departed' ? 'orange' : status === 'arrived' ? 'green' : 'gray';

/** A project's movements: flights, seats taken, households booked. */
export function MovementsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [creating, setCreating] = useState<Project | null>(null);
  return (
    <ResettlementFrame
      title={t('resettlement.movements.title')}
      intro={t('resettlement.movements.intro')}
      actions={(project) =>
        can('resettlement.write') ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(project)}>
            {t('resettlement.movements.create')}
          </Button>
        ) : null
      }
    >
      {(project) => (
        <>
          <MovementList project={project} />
          <MovementFormModal
            project={creating}
            opened={creating !== null}
            onClose={() => setCreating(null)}
          />
        </>
      )}
    </ResettlementFrame>
  );
}

function MovementList({ project }: { project: Project }) {
  const { t } = useTranslation();
  const format = useFormat();
  const movements = useMovements(project.id);
  if (movements.isPending) return <LoadingState />;
  if (movements.isError)
    return <QueryError error={movements.error} onRetry={() => void movements.refetch()} />;
  if (movements.data.length === 0) return <Text>{t('resettlement.movements.empty')}</Text>;
  return (
    <ScrollTable minWidth={900} label={t('resettlement.movements.tableLabel')}>
      <Table aria-label={t('resettlement.movements.tableLabel')} withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('resettlement.movements.reference')}</Table.Th>
            <Table.Th scope="col">{t('resettlement.movements.departure')}</Table.Th>
            <Table.Th scope="col">{t('resettlement.movements.flights')}</Table.Th>
            <Table.Th scope="col">{t('resettlement.movements.destination')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('resettlement.movements.seats')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('resettlement.movements.households')}
            </Table.Th>
            <Table.Th scope="col">{t('resettlement.movements.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {movements.data.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Th scope="row">
                <Anchor component={Link} to={`/resettlement/movements/${m.id}`} size="sm" fw={600}>
                  {m.reference}
                </Anchor>
              </Table.Th>
              <Table.Td>{format.calendarDate(m.departureDate)}</Table.Td>
              <Table.Td>
                {format.list(m.legs.map((l) => `${l.flightNumber} ${l.fromAirport}–${l.toAirport}`))}
              </Table.Td>
              <Table.Td>{format.country(m.destinationCountry)}</Table.Td>
              <Table.Td ta="right">
                {t('resettlement.movements.seatsOf', {
                  used: format.number(m.seatsUsed),
                  seats: format.number(m.seatCount),
                })}
              </Table.Td>
              <Table.Td ta="right">
                {format.number(m.bookings.filter((b) => b.status !== 'cancelled').length)}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" tt="none" color={movementStatusColor(m.status)}>
                  {movementStatusLabel(m.status, t)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
