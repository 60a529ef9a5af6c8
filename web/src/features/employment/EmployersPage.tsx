import { Anchor, Button, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { useFormat } from '../../shared/format/useFormat';
import { useCan } from '../auth/session';
import { type Employer, useEmployers } from './api';
import { EmployerFormModal } from './EmployerFormModal';
import { EmploymentNav } from './EmploymentNav';
import { FilterBar } from './FilterBar';
import { sectorLabel, sectorOptions } from './labels';

export function EmployersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const [q, setQ] = useState('');
  const [sector, setSector] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const employers = useEmployers({ q: debounced.trim() || undefined, sector: sector || undefined });
  const [editing, setEditing] = useState<Employer | 'new' | null>(null);
  const canWrite = can('employment.write');
  return (
    <>
      <PageHeader
        title={t('employment.employers.title')}
        intro={t('employment.employers.intro')}
        actions={
          canWrite ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t('employment.employers.create')}
            </Button>
          ) : null
        }
      />
      <EmploymentNav />
      <Stack>
        <FilterBar label={t('employment.employers.filtersLabel')}>
          <TextInput
            label={t('employment.employers.search')}
            value={q}
            onChange={(event) => setQ(event.currentTarget.value)}
            autoComplete="off"
          />
          <NativeSelect
            label={t('employment.fields.sector')}
            value={sector}
            onChange={(event) => setSector(event.currentTarget.value)}
            data={[{ value: '', label: t('employment.filters.allSectors') }, ...sectorOptions(t)]}
          />
        </FilterBar>
        {employers.isPending ? (
          <LoadingState />
        ) : employers.isError ? (
          <QueryError error={employers.error} onRetry={() => void employers.refetch()} />
        ) : employers.data.length === 0 ? (
          <Text>{t('employment.employers.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table aria-label={t('employment.employers.tableLabel')} withTableBorder striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('employment.fields.employerName')}</Table.Th>
                  <Table.Th scope="col">{t('employment.fields.sector')}</Table.Th>
                  <Table.Th scope="col">{t('employment.fields.location')}</Table.Th>
                  <Table.Th scope="col">{t('employment.fields.contactName')}</Table.Th>
                  <Table.Th scope="col">{t('employment.employers.openOpenings')}</Table.Th>
                  <Table.Th scope="col">{t('employment.fields.office')}</Table.Th>
                  {canWrite ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {employers.data.map((employer) => (
                  <Table.Tr key={employer.id}>
                    <Table.Th scope="row">
                      <bdi>{employer.name}</bdi>
                    </Table.Th>
                    <Table.Td>{sectorLabel(employer.sector, t)}</Table.Td>
                    <Table.Td>
                      <bdi>{employer.location}</bdi>, {format.country(employer.country)}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={0}>
                        <Text size="sm">
                          <bdi>{employer.contactName ?? t('common.none')}</bdi>
                        </Text>
                        {employer.phone ? <Text size="xs">{employer.phone}</Text> : null}
                        {employer.email ? (
                          <Anchor href={`mailto:${employer.email}`} size="xs">
                            {employer.email}
                          </Anchor>
                        ) : null}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      {employer.openOpenings > 0 ? (
                        <Anchor component={Link} to={`/employment?employerId=${employer.id}`} size="sm">
                          {t('employment.employers.openingsLink', { count: employer.openOpenings })}
                        </Anchor>
                      ) : (
                        format.number(0)
                      )}
                    </Table.Td>
                    <Table.Td>{employer.officeCode}</Table.Td>
                    {canWrite ? (
                      <Table.Td>
                        <Button
                          size="compact-xs"
                          variant="light"
                          aria-label={t('employment.employers.editLabel', { name: employer.name })}
                          onClick={() => setEditing(employer)}
                        >
                          {t('employment.employers.edit')}
                        </Button>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {canWrite ? (
        <EmployerFormModal
          employer={editing === 'new' ? null : editing}
          opened={editing !== null}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
