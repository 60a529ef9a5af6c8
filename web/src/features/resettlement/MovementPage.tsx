import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconArrowLeft, IconDownload, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../shared/api/client';
import { DescriptionList } from '../../shared/components/DescriptionList';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { RecordNotFound } from '../../shared/components/RecordNotFound';
import { ScrollTable } from '../../shared/components/ScrollTable';
import { Section } from '../../shared/components/Section';
import { today } from '../../shared/dates';
import { useFormat } from '../../shared/format/useFormat';
import { useCan } from '../auth/session';
import { type Booking, type MovementView, manifestUrl, useMovement, useRefreshResettlement } from './api';
import { HandoverModal } from './HandoverModal';
import { boardingLabel, bookingStatusLabel, escortKindLabel, movementStatusLabel } from './labels';
import {
  ArrivalModal,
  BoardingModal,
  BookHouseholdModal,
  CancelBookingModal,
  CancelMovementModal,
  SeatsModal,
} from './MovementModals';
import { movementStatusColor } from './MovementsPage';

type Dialog =
  | { kind: 'book' }
  | { kind: 'seats' }
  | { kind: 'cancelMovement' }
  | { kind: 'boarding' }
  | { kind: 'arrival' }
  | { kind: 'cancelBooking'; booking: Booking }
  | { kind: 'handover'; booking: Booking };

/** A movement: its flights and seats, the households booked with their passengers, manifest, boarding, arrival. */
export function MovementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const movement = useMovement(id);
  const back = (projectId?: string) => (
    <Anchor
      component={Link}
      to={`/resettlement/movements${projectId ? `?project=${projectId}` : ''}`}
      size="sm"
    >
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('resettlement.movements.back')}
      </Group>
    </Anchor>
  );
  if (movement.isPending) return <LoadingState />;
  if (movement.isError)
    return (
      <Stack gap="lg">
        {back()}
        {isApiError(movement.error) && movement.error.status === 404 ? (
          <RecordNotFound
            title={t('resettlement.movements.notFoundTitle')}
            body={t('resettlement.movements.notFound')}
          />
        ) : (
          <QueryError error={movement.error} onRetry={() => void movement.refetch()} />
        )}
      </Stack>
    );
  return (
    <Stack gap="lg">
      {back(movement.data.projectId)}
      <Movement movement={movement.data} />
    </Stack>
  );
}

function Movement({ movement }: { movement: MovementView }) {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const refresh = useRefreshResettlement();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const canWrite = can('resettlement.write');
  const planned = movement.status === 'planned';
  const active = movement.bookings.filter((b) => b.status !== 'cancelled');
  const booked = movement.bookings.filter((b) => b.status === 'booked');
  const boardingOpen = planned && booked.length > 0 && today() >= movement.departureDate;
  const passengers = active.flatMap((b) => b.passengers);

  return (
    <>
      <PageHeader
        title={t('resettlement.movements.pageTitle', { reference: movement.reference })}
        intro={t('resettlement.movements.pageIntro', {
          date: format.calendarDate(movement.departureDate),
          country: format.country(movement.destinationCountry),
        })}
        actions={
          <Badge size="lg" variant="light" tt="none" color={movementStatusColor(movement.status)}>
            {movementStatusLabel(movement.status, t)}
          </Badge>
        }
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Section
          id="rst-movement-summary"
          title={t('resettlement.movements.summary')}
          actions={
            canWrite && planned ? (
              <>
                <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'seats' })}>
                  {t('resettlement.movements.changeSeats')}
                </Button>
                {booked.length === 0 ? (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => setDialog({ kind: 'cancelMovement' })}
                  >
                    {t('resettlement.movements.cancel')}
                  </Button>
                ) : null}
              </>
            ) : null
          }
        >
          <DescriptionList
            items={[
              {
                term: t('resettlement.movements.departure'),
                description: format.calendarDate(movement.departureDate),
              },
              {
                term: t('resettlement.movements.arrival'),
                description: format.calendarDate(movement.arrivalDate),
              },
              {
                term: t('resettlement.movements.destination'),
                description: format.country(movement.destinationCountry),
              },
              {
                term: t('resettlement.movements.seats'),
                description: t('resettlement.movements.seatsDetail', {
                  used: format.number(movement.seatsUsed),
                  seats: format.number(movement.seatCount),
                  free: format.number(Math.max(0, movement.seatCount - movement.seatsUsed)),
                }),
              },
              {
                term: t('resettlement.movements.passengers'),
                description: t('resettlement.movements.passengersDetail', {
                  passengers: format.number(passengers.length),
                  lap: format.number(passengers.filter((p) => !p.seatRequired).length),
                  escorts: format.number(movement.escorts.length),
                }),
              },
              ...(movement.arrivedAt
                ? [
                    {
                      term: t('resettlement.movements.arrivedAt'),
                      description: format.dateTime(movement.arrivedAt),
                    },
                  ]
                : []),
            ]}
          />
        </Section>
        <Section id="rst-movement-manifest" title={t('resettlement.movements.manifestTitle')}>
          <Manifest movement={movement} />
        </Section>
      </SimpleGrid>

      <Section id="rst-movement-legs" title={t('resettlement.movements.legs')}>
        <ScrollTable minWidth={720} label={t('resettlement.movements.legsTable')}>
          <Table aria-label={t('resettlement.movements.legsTable')} withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('resettlement.movements.flightNumber')}</Table.Th>
                <Table.Th scope="col">{t('resettlement.movements.carrier')}</Table.Th>
                <Table.Th scope="col">{t('resettlement.movements.from')}</Table.Th>
                <Table.Th scope="col">{t('resettlement.movements.to')}</Table.Th>
                <Table.Th scope="col">{t('resettlement.movements.departsAt')}</Table.Th>
                <Table.Th scope="col">{t('resettlement.movements.arrivesAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {movement.legs.map((leg) => (
                <Table.Tr key={leg.seq}>
                  <Table.Th scope="row">{leg.flightNumber}</Table.Th>
                  <Table.Td>{leg.carrier}</Table.Td>
                  <Table.Td>{leg.fromAirport}</Table.Td>
                  <Table.Td>{leg.toAirport}</Table.Td>
                  <Table.Td>{format.dateTime(leg.departsAt)}</Table.Td>
                  <Table.Td>{format.dateTime(leg.arrivesAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
        {movement.escorts.length > 0 ? (
          <Stack gap={4} mt="md">
            <Text size="sm" fw={600}>
              {t('resettlement.movements.escorts')}
            </Text>
            <List size="sm">
              {movement.escorts.map((e) => (
                <List.Item key={e.id}>
                  {t('resettlement.movements.escortLine', {
                    name: e.name,
                    kind: escortKindLabel(e.kind, t),
                    organisation: e.organisation ?? t('common.none'),
                  })}
                </List.Item>
              ))}
            </List>
          </Stack>
        ) : null}
      </Section>

      <Section
        id="rst-movement-bookings"
        title={t('resettlement.movements.bookingsTitle')}
        actions={
          canWrite ? (
            <>
              {planned ? (
                <Button size="xs" onClick={() => setDialog({ kind: 'book' })}>
                  {t('resettlement.movements.book')}
                </Button>
              ) : null}
              {boardingOpen ? (
                <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'boarding' })}>
                  {t('resettlement.movements.recordBoarding')}
                </Button>
              ) : null}
              {movement.status === 'departed' ? (
                <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'arrival' })}>
                  {t('resettlement.movements.recordArrival')}
                </Button>
              ) : null}
            </>
          ) : null
        }
      >
        <Stack gap="sm">
          {planned && booked.length > 0 && !boardingOpen ? (
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
              {t('resettlement.movements.boardingFrom', {
                date: format.calendarDate(movement.departureDate),
              })}
            </Alert>
          ) : null}
          {movement.bookings.length === 0 ? (
            <Text size="sm">{t('resettlement.movements.noBooking')}</Text>
          ) : (
            <ScrollTable minWidth={860} label={t('resettlement.movements.bookingsTable')}>
              <Table aria-label={t('resettlement.movements.bookingsTable')} withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('resettlement.pipeline.household')}</Table.Th>
                    <Table.Th scope="col">{t('resettlement.movements.bookingStatus')}</Table.Th>
                    <Table.Th scope="col">{t('resettlement.movements.passengers')}</Table.Th>
                    {canWrite ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {movement.bookings.map((b) => (
                    <Table.Tr key={b.id}>
                      <Table.Th scope="row" style={{ verticalAlign: 'top' }}>
                        <Anchor
                          component={Link}
                          to={`/cases/${b.caseId}?tab=resettlement`}
                          size="sm"
                          fw={600}
                        >
                          {b.caseReference}
                        </Anchor>
                      </Table.Th>
                      <Table.Td style={{ verticalAlign: 'top' }}>
                        <Badge
                          variant="light"
                          tt="none"
                          color={b.status === 'boarded' ? 'green' : b.status === 'booked' ? 'blue' : 'gray'}
                        >
                          {bookingStatusLabel(b.status, t)}
                        </Badge>
                        {b.reason ? (
                          <Text size="xs" c="dimmed">
                            {b.reason}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <List
                          size="sm"
                          spacing={2}
                          aria-label={t('resettlement.movements.passengersOf', {
                            reference: b.caseReference,
                          })}
                        >
                          {b.passengers.map((p) => (
                            <List.Item key={p.personId}>
                              <bdi>{p.name}</bdi> —{' '}
                              {p.seatRequired
                                ? t('resettlement.movements.seat')
                                : t('resettlement.movements.lap')}{' '}
                              — {boardingLabel(p.boarding, t)}
                              {p.boardingReason ? ` (${p.boardingReason})` : ''}
                            </List.Item>
                          ))}
                        </List>
                      </Table.Td>
                      {canWrite ? (
                        <Table.Td style={{ verticalAlign: 'top' }}>
                          {b.status === 'booked' && planned ? (
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              color="red"
                              aria-label={t('resettlement.movements.unbookFor', {
                                reference: b.caseReference,
                              })}
                              onClick={() => setDialog({ kind: 'cancelBooking', booking: b })}
                            >
                              {t('resettlement.movements.unbook')}
                            </Button>
                          ) : b.status === 'boarded' && movement.status === 'arrived' ? (
                            <Button
                              size="compact-xs"
                              variant="light"
                              aria-label={t('resettlement.movements.handoverFor', {
                                reference: b.caseReference,
                              })}
                              onClick={() => setDialog({ kind: 'handover', booking: b })}
                            >
                              {t('resettlement.movements.handover')}
                            </Button>
                          ) : null}
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </Stack>
      </Section>

      {canWrite ? (
        <>
          <BookHouseholdModal movement={movement} opened={dialog?.kind === 'book'} onClose={close} />
          <SeatsModal movement={movement} opened={dialog?.kind === 'seats'} onClose={close} />
          <CancelMovementModal
            movement={movement}
            opened={dialog?.kind === 'cancelMovement'}
            onClose={close}
          />
          <BoardingModal movement={movement} opened={dialog?.kind === 'boarding'} onClose={close} />
          <ArrivalModal movement={movement} opened={dialog?.kind === 'arrival'} onClose={close} />
          <CancelBookingModal
            movement={movement}
            booking={dialog?.kind === 'cancelBooking' ? dialog.booking : null}
            onClose={close}
          />
          <HandoverModal
            caseId={dialog?.kind === 'handover' ? dialog.booking.caseId : ''}
            caseReference={dialog?.kind === 'handover' ? dialog.booking.caseReference : ''}
            opened={dialog?.kind === 'handover'}
            onClose={close}
            onSaved={refresh}
          />
        </>
      ) : null}
    </>
  );
}

/** The manifest to print: masked document numbers, or whole ones for those allowed to reveal them. */
function Manifest({ movement }: { movement: MovementView }) {
  const { t } = useTranslation();
  const can = useCan();
  const [reveal, setReveal] = useState(false);
  const mayReveal = can('manifests.reveal');
  return (
    <Stack gap="sm">
      <Text size="sm">{t('resettlement.movements.manifestIntro')}</Text>
      {mayReveal ? (
        <Checkbox
          label={t('resettlement.movements.reveal')}
          description={t('resettlement.movements.revealHint')}
          checked={reveal}
          onChange={(event) => setReveal(event.currentTarget.checked)}
        />
      ) : null}
      <Group gap="sm">
        {(['pdf', 'xlsx'] as const).map((format) => (
          <Button
            key={format}
            component="a"
            href={manifestUrl(movement.id, format, mayReveal && reveal)}
            download
            variant="light"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t(`resettlement.movements.download.${format}`)}
          </Button>
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        {t('resettlement.movements.manifestAudited')}
      </Text>
    </Stack>
  );
}
