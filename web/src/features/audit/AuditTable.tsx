import { Code, List, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../shared/components/ScrollTable';
import { useFormat } from '../../shared/format/useFormat';
import type { AuditEvent } from './api';
import { auditActionLabel, auditRecordTypeLabel } from './labels';

function ChangeValue({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === undefined || value === null || value === '') {
    return (
      <Text span size="sm" fs="italic">
        {t('audit.emptyValue')}
      </Text>
    );
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return (
    <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
      {text}
    </Text>
  );
}

function Changes({ changes }: { changes: AuditEvent['changes'] }) {
  const { t } = useTranslation();
  const entries = Object.entries(changes ?? {});
  if (entries.length === 0) return <Text size="sm">{t('audit.noChanges')}</Text>;
  return (
    <List size="sm" spacing={2} listStyleType="none" withPadding={false}>
      {entries.map(([field, change]) => (
        <List.Item key={field}>
          <Text span size="sm" fw={600}>
            {field}
          </Text>
          {' : '}
          <ChangeValue value={change.old} /> → <ChangeValue value={change.new} />
        </List.Item>
      ))}
    </List>
  );
}

/** A human label with the stable code under it (the code is what the filters and the API take). */
function Coded({ label, code }: { label: string; code: string }) {
  if (label === code) return <Code>{code}</Code>;
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm">{label}</Text>
      <Code>{code}</Code>
    </Stack>
  );
}

interface AuditTableProps {
  events: AuditEvent[];
  officeName: (id: string) => string;
}

export function AuditTable({ events, officeName }: AuditTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder>
      <ScrollTable minWidth={960} label={t('audit.table.label')}>
        <Table aria-label={t('audit.table.label')} striped verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('audit.table.time')}</Table.Th>
              <Table.Th scope="col">{t('audit.table.actor')}</Table.Th>
              <Table.Th scope="col">{t('audit.table.action')}</Table.Th>
              <Table.Th scope="col">{t('audit.table.record')}</Table.Th>
              <Table.Th scope="col">{t('audit.table.office')}</Table.Th>
              <Table.Th scope="col">{t('audit.table.changes')}</Table.Th>
              <Table.Th scope="col">{t('audit.table.requestId')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((event) => (
              <Table.Tr key={event.seq}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={event.occurredAt}>{format.dateTime(event.occurredAt)}</time>
                </Table.Td>
                <Table.Td>{event.actorEmail ?? t('audit.system')}</Table.Td>
                <Table.Td>
                  <Coded label={auditActionLabel(event.action, t)} code={event.action} />
                </Table.Td>
                <Table.Td>
                  {event.recordType || event.recordId ? (
                    <Stack gap={2}>
                      {event.recordType ? (
                        <Coded label={auditRecordTypeLabel(event.recordType, t)} code={event.recordType} />
                      ) : null}
                      {event.recordId ? (
                        <Code style={{ overflowWrap: 'anywhere' }}>{event.recordId}</Code>
                      ) : null}
                    </Stack>
                  ) : (
                    t('common.none')
                  )}
                </Table.Td>
                <Table.Td>{event.officeId ? officeName(event.officeId) : t('common.none')}</Table.Td>
                <Table.Td>
                  {event.withheld ? (
                    <Text size="sm" c="dimmed" fs="italic">
                      {t('audit.withheld')}
                    </Text>
                  ) : (
                    <Changes changes={event.changes} />
                  )}
                </Table.Td>
                <Table.Td>
                  {event.requestId ? (
                    <Code style={{ overflowWrap: 'anywhere' }}>{event.requestId}</Code>
                  ) : (
                    t('common.none')
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Paper>
  );
}
