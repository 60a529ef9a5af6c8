import { Anchor, Button, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { useFormat } from '../../shared/format/useFormat';
import { useCan } from '../auth/session';
import { type Opening, useEmployers, useOpenings } from './api';
import { EmploymentNav } from './EmploymentNav';
import { FilterBar } from './FilterBar';
import { sectorLabel, sectorOptions } from './labels';
import { OpeningFormModal } from './OpeningFormModal';
import { OpeningStatusBadge } from './OpeningStatusBadge';

/** The job board: openings with filters (status, sector, town, employer); posting one. */
export function JobBoardPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState('open');
  const [sector, setSector] = useState('');
  const [location, setLocation] = useState('');
  const [debouncedLocation] = useDebouncedValue(location, 300);
  const employerId = params.get('employerId') ?? '';
  const openings = useOpenings({
    status: status || undefined,
    sector: sector || undefined,
    location: debouncedLocation.trim() || undefined,
    employerId: employerId || undefined,
  });
  const employers = useEmployers({});
  const [creating, setCreating] = useState(false);
  const setEmployer = (value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set('employerId', value);
        else next.delete('employerId');
        return next;
      },
      { replace: true },
    );
  return (
    <>
      <PageHeader
        title={t('employment.openings.title')}
        intro={t('employment.openings.intro')}
        actions={
          can('employment.write') ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('employment.openings.create')}
            </Button>
          ) : null
        }
      />
      <EmploymentNav />
      <Stack>
        <FilterBar label={t('employment.filters.label')}>
          <NativeSelect
            label={t('employment.filters.status')}
            value={status}
            onChange={(event) => setStatus(event.currentTarget.value)}
            data={[
              { value: '', label: t('employment.filters.allStatuses') },
              { value: 'open', label: t('employment.filters.open') },
              { value: 'closed', label: t('employment.filters.closed') },
            ]}
          />
          <NativeSelect
            label={t('employment.fields.sector')}
            value={sector}
            onChange={(event) => setSector(event.currentTarget.value)}
            data={[{ value: '', label: t('employment.filters.allSectors') }, ...sectorOptions(t)]}
          />
          <TextInput
            label={t('employment.filters.location')}
            value={location}
            onChange={(event) => setLocation(event.currentTarget.value)}
            autoComplete="off"
          />
          <NativeSelect
            label={t('employment.fields.employer')}
            value={employerId}
            onChange={(event) => setEmployer(event.currentTarget.value)}
            data={[
              { value: '', label: t('employment.filters.allEmployers') },
              ...(employers.data ?? []).map((e) => ({ value: e.id, label: e.name })),
              // The employer in the URL, until the list has it.
              ...(employerId && !employers.data?.some((e) => e.id === employerId)
                ? [{ value: employerId, label: t('employment.filters.thisEmployer') }]
                : []),
            ]}
          />
        </FilterBar>
        {openings.isPending ? (
          <LoadingState />
        ) : openings.isError ? (
          <QueryError error={openings.error} onRetry={() => void openings.refetch()} />
        ) : openings.data.length === 0 ? (
          <Text>{t('employment.openings.empty')}</Text>
        ) : (
          <OpeningsTable openings={openings.data} />
        )}
      </Stack>
      {can('employment.write') ? (
        <OpeningFormModal
          opening={null}
          employerId={employerId || undefined}
          opened={creating}
          onClose={() => setCreating(false)}
        />
      ) : null}
    </>
  );
}

function OpeningsTable({ openings }: { openings: Opening[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table aria-label={t('employment.openings.tableLabel')} withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('employment.fields.title')}</Table.Th>
            <Table.Th scope="col">{t('employment.fields.employer')}</Table.Th>
            <Table.Th scope="col">{t('employment.fields.sector')}</Table.Th>
            <Table.Th scope="col">{t('employment.fields.location')}</Table.Th>
            <Table.Th scope="col">{t('employment.openings.postsFilled')}</Table.Th>
            <Table.Th scope="col">{t('employment.openings.status')}</Table.Th>
            <Table.Th scope="col">{t('employment.fields.openedOn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {openings.map((opening) => (
            <Table.Tr key={opening.id}>
              <Table.Th scope="row">
                <Anchor component={Link} to={`/employment/openings/${opening.id}`} size="sm" fw={600}>
                  <bdi>{opening.title}</bdi>
                </Anchor>
                {opening.skills.length > 0 ? (
                  <Text size="xs" c="dimmed">
                    {format.list(opening.skills)}
                  </Text>
                ) : null}
              </Table.Th>
              <Table.Td>
                <bdi>{opening.employer.name}</bdi>
              </Table.Td>
              <Table.Td>{sectorLabel(opening.sector, t)}</Table.Td>
              <Table.Td>
                <bdi>{opening.location}</bdi>, {format.country(opening.country)}
              </Table.Td>
              <Table.Td>
                {t('employment.openings.filledOf', { filled: opening.filled, posts: opening.posts })}
              </Table.Td>
              <Table.Td>
                <OpeningStatusBadge opening={opening} />
              </Table.Td>
              <Table.Td>{format.calendarDate(opening.openedOn)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
