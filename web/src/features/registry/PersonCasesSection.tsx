import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { IconFolderPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { Section } from '../../shared/components/Section';
import { useFormat } from '../../shared/format/useFormat';
import { useCan } from '../auth/session';
import { CaseStatusBadge, SensitiveBadge } from '../cases/CaseBadges';
import { caseTypeLabel } from '../cases/labels';
import { OpenCaseModal } from '../cases/OpenCaseModal';
import { fetchPersonCases, type PersonDetail, personsKeys } from './api';
import { personName } from './labels';

export function PersonCasesSection({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const [opening, setOpening] = useState(false);
  const cases = useQuery({
    queryKey: personsKeys.cases(person.id),
    queryFn: ({ signal }) => fetchPersonCases(person.id, signal),
  });
  return (
    <Section
      id="person-cases"
      title={t('person.cases.title')}
      actions={
        can('cases.write') ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconFolderPlus size={14} aria-hidden />}
            onClick={() => setOpening(true)}
          >
            {t('person.cases.open')}
          </Button>
        ) : null
      }
    >
      {cases.isPending ? (
        <LoadingState />
      ) : cases.isError ? (
        <QueryError error={cases.error} onRetry={() => void cases.refetch()} />
      ) : cases.data.length === 0 ? (
        <Text>{t('person.cases.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={t('person.cases.tableLabel')} withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('cases.table.reference')}</Table.Th>
                <Table.Th scope="col">{t('cases.table.type')}</Table.Th>
                <Table.Th scope="col">{t('cases.table.status')}</Table.Th>
                <Table.Th scope="col">{t('cases.table.office')}</Table.Th>
                <Table.Th scope="col">{t('cases.table.assignee')}</Table.Th>
                <Table.Th scope="col">{t('cases.table.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cases.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row">
                    <Group gap="xs">
                      <Anchor component={Link} to={`/cases/${c.id}`} size="sm" fw={600}>
                        {c.reference}
                      </Anchor>
                      {c.sensitive ? <SensitiveBadge /> : null}
                    </Group>
                  </Table.Th>
                  <Table.Td>{caseTypeLabel(c.caseType, t)}</Table.Td>
                  <Table.Td>
                    <CaseStatusBadge status={c.status} pendingTo={c.pendingTransitionTo} />
                  </Table.Td>
                  <Table.Td>{c.officeCode}</Table.Td>
                  <Table.Td>{c.assignedTo?.name ?? t('cases.unassigned')}</Table.Td>
                  <Table.Td>{format.dateTime(c.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {can('cases.write') ? (
        <OpenCaseModal
          opened={opening}
          onClose={() => setOpening(false)}
          person={{ id: person.id, officeId: person.officeId, name: personName(person) }}
        />
      ) : null}
    </Section>
  );
}
