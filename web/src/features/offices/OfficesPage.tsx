import { ActionIcon, Badge, Button, Paper, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Office } from '../../../../src/modules/identity/contract';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { useFormat } from '../../shared/format/useFormat';
import { useCan } from '../auth/session';
import { useOffices } from './api';
import { CreateOfficeModal } from './CreateOfficeModal';
import { EditOfficeModal } from './EditOfficeModal';

export function OfficesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canManage = can('offices.manage');
  const format = useFormat();
  const offices = useOffices();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Office | null>(null);

  return (
    <>
      <PageHeader
        title={t('offices.title')}
        actions={
          canManage ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('offices.create')}
            </Button>
          ) : null
        }
      />
      {offices.isPending ? (
        <LoadingState />
      ) : offices.isError ? (
        <QueryError error={offices.error} onRetry={() => void offices.refetch()} />
      ) : offices.data.length === 0 ? (
        <Text>{t('offices.empty')}</Text>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={760}>
            <Table aria-label={t('offices.table.label')} striped highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('offices.table.code')}</Table.Th>
                  <Table.Th scope="col">{t('offices.table.name')}</Table.Th>
                  <Table.Th scope="col">{t('offices.table.country')}</Table.Th>
                  <Table.Th scope="col">{t('offices.table.city')}</Table.Th>
                  <Table.Th scope="col">{t('offices.table.region')}</Table.Th>
                  <Table.Th scope="col">{t('offices.table.kind')}</Table.Th>
                  <Table.Th scope="col">{t('offices.table.status')}</Table.Th>
                  {canManage ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {offices.data.map((office) => (
                  <Table.Tr key={office.id}>
                    <Table.Td ff="monospace">{office.code}</Table.Td>
                    <Table.Th scope="row" fw={600}>
                      {office.name}
                    </Table.Th>
                    <Table.Td>{format.country(office.country)}</Table.Td>
                    <Table.Td>{office.city}</Table.Td>
                    <Table.Td>{office.region ?? t('common.none')}</Table.Td>
                    <Table.Td>{t(`offices.kinds.${office.kind}`)}</Table.Td>
                    <Table.Td>
                      <Badge color={office.active ? 'blue' : 'gray'} variant="light" tt="none">
                        {office.active ? t('offices.active') : t('offices.inactive')}
                      </Badge>
                    </Table.Td>
                    {canManage ? (
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('offices.edit', { name: office.name })}
                          onClick={() => setEditing(office)}
                        >
                          <IconPencil size={18} aria-hidden />
                        </ActionIcon>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {canManage ? (
        <>
          <CreateOfficeModal opened={creating} onClose={() => setCreating(false)} />
          <EditOfficeModal office={editing} onClose={() => setEditing(null)} />
        </>
      ) : null}
    </>
  );
}
