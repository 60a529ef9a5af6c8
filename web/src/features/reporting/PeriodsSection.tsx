import { Alert, Badge, Button, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconLock, IconPlus, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PERIOD_KINDS, PeriodInputSchema, PeriodSchema } from '../../../../src/modules/reporting/contract';
import { isApiError } from '../../shared/api/client';
import { AppModal } from '../../shared/components/AppModal';
import { CommentForm } from '../../shared/components/CommentForm';
import { conflictCurrent } from '../../shared/components/conflict';
import { ModalForm } from '../../shared/components/ModalForm';
import { ScrollTable } from '../../shared/components/ScrollTable';
import { Section } from '../../shared/components/Section';
import { useFormat } from '../../shared/format/useFormat';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import {
  type Framework,
  type Period,
  type PeriodBody,
  reportingApi,
  useRefreshReporting,
  useSnapshotCheck,
} from './api';
import { useReportingLabels } from './labels';
import { onFields } from './problems';

/** The reporting periods: added by the project manager, closed into a signed snapshot of their figures. */
export function PeriodsSection({ framework }: { framework: Framework }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useReportingLabels();
  const manage = framework.can.manage;
  const [adding, setAdding] = useState(false);
  const [closing, setClosing] = useState<Period | null>(null);
  const periods = framework.periods
    .slice()
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.kind.localeCompare(b.kind));
  return (
    <Section
      id="periods"
      title={t('reporting.periods.title')}
      actions={
        manage ? (
          <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
            {t('reporting.periods.add')}
          </Button>
        ) : null
      }
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('reporting.periods.intro')}
        </Text>
        {periods.length === 0 ? (
          <Text>{t('reporting.periods.empty')}</Text>
        ) : (
          <ScrollTable minWidth={900} label={t('reporting.periods.tableLabel')}>
            <Table withTableBorder striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reporting.periods.columns.period')}</Table.Th>
                  <Table.Th scope="col">{t('reporting.periods.columns.kind')}</Table.Th>
                  <Table.Th scope="col">{t('reporting.periods.columns.dates')}</Table.Th>
                  <Table.Th scope="col">{t('reporting.periods.columns.status')}</Table.Th>
                  <Table.Th scope="col">{t('reporting.periods.columns.snapshot')}</Table.Th>
                  {manage ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {periods.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Th scope="row" style={{ whiteSpace: 'nowrap' }}>
                      {p.label}
                    </Table.Th>
                    <Table.Td>{labels.periodKind(p.kind)}</Table.Td>
                    <Table.Td>
                      {t('reporting.periods.dates', {
                        start: format.calendarDate(p.startDate),
                        end: format.calendarDate(p.endDate),
                      })}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={p.status === 'closed' ? 'gray' : 'blue'}
                        tt="none"
                        leftSection={p.status === 'closed' ? <IconLock size={12} aria-hidden /> : null}
                      >
                        {t(`reporting.periodStatus.${p.status}`)}
                      </Badge>
                      {p.closedAt ? (
                        <Text size="xs" c="dimmed">
                          {t('reporting.periods.closedBy', {
                            date: format.dateTime(p.closedAt),
                            name: p.closedByName ?? '',
                          })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{p.snapshotId ? <SnapshotCheckCell period={p} /> : t('common.none')}</Table.Td>
                    {manage ? (
                      <Table.Td>
                        {p.status === 'open' ? (
                          <Button
                            size="compact-xs"
                            variant="outline"
                            color="orange"
                            leftSection={<IconLock size={12} aria-hidden />}
                            aria-label={t('reporting.periods.closeLabel', { label: p.label })}
                            onClick={() => setClosing(p)}
                          >
                            {t('reporting.periods.close')}
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
      {manage ? (
        <>
          <AppModal opened={adding} onClose={() => setAdding(false)} title={t('reporting.periods.addTitle')}>
            {adding ? <PeriodForm projectId={framework.projectId} onDone={() => setAdding(false)} /> : null}
          </AppModal>
          <AppModal
            opened={closing !== null}
            onClose={() => setClosing(null)}
            title={closing ? t('reporting.periods.closeTitle', { label: closing.label }) : ''}
            size="md"
          >
            {closing ? <ClosePeriodForm period={closing} onDone={() => setClosing(null)} /> : null}
          </AppModal>
        </>
      ) : null}
    </Section>
  );
}

/** The snapshot of a closed period: checked (digest and signature) on demand. */
function SnapshotCheckCell({ period }: { period: Period }) {
  const { t } = useTranslation();
  const [asked, setAsked] = useState(false);
  const check = useSnapshotCheck(period.id, asked);
  if (!asked)
    return (
      <Stack gap={2} align="flex-start">
        <Text size="sm">{t('reporting.periods.signedSnapshot')}</Text>
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconShieldCheck size={12} aria-hidden />}
          aria-label={t('reporting.periods.checkLabel', { label: period.label })}
          onClick={() => setAsked(true)}
        >
          {t('reporting.periods.check')}
        </Button>
      </Stack>
    );
  if (check.isPending)
    return (
      <Text size="sm" role="status">
        {t('reporting.periods.checking')}
      </Text>
    );
  if (check.isError)
    return (
      <Text size="sm" role="status">
        {isApiError(check.error, 'not_found')
          ? t('reporting.periods.checkUnavailable')
          : t('errors.unexpected')}
      </Text>
    );
  const valid = check.data.digestMatches && check.data.signatureValid;
  return (
    <Stack gap={2} role="status">
      <Badge variant="light" color={valid ? 'green' : 'red'} tt="none">
        {valid ? t('reporting.dashboard.signatureValid') : t('reporting.dashboard.signatureInvalid')}
      </Badge>
      <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
        {t('reporting.periods.digest', { sha: check.data.sha256.slice(0, 16) })}
      </Text>
    </Stack>
  );
}

interface PeriodValues {
  kind: string;
  label: string;
  startDate: string;
  endDate: string;
}

function PeriodForm({ projectId, onDone }: { projectId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useReportingLabels();
  const refresh = useRefreshReporting();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<PeriodValues, unknown, PeriodBody>({
    resolver: localizedZodResolver<PeriodValues, PeriodBody>(PeriodInputSchema, t),
    defaultValues: { kind: 'quarterly', label: '', startDate: '', endDate: '' },
  });
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: (path) => ['kind', 'label', 'startDate', 'endDate'].includes(path),
    mutationFn: (body: PeriodBody) => reportingApi.createPeriod(projectId, body),
    localizeError: onFields({ period_overlap: 'startDate' }),
    successMessage: (saved) => t('reporting.periods.added', { label: saved.label }),
    onSaved: onDone,
    refresh,
  });
  return (
    <ModalForm onSubmit={handleSubmit(submit)} formError={formError} onCancel={onDone} loading={isPending}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('reporting.periods.fields.kind')}
          required
          error={errors.kind?.message}
          data={PERIOD_KINDS.map((k) => ({ value: k, label: labels.periodKind(k) }))}
          {...register('kind')}
        />
        <TextInput
          label={t('reporting.periods.fields.label')}
          description={t('reporting.periods.fields.labelHint')}
          required
          autoComplete="off"
          error={errors.label?.message}
          {...register('label')}
        />
        <TextInput
          type="date"
          label={t('reporting.periods.fields.startDate')}
          required
          error={errors.startDate?.message}
          {...register('startDate')}
        />
        <TextInput
          type="date"
          label={t('reporting.periods.fields.endDate')}
          required
          error={errors.endDate?.message}
          {...register('endDate')}
        />
      </SimpleGrid>
    </ModalForm>
  );
}

function ClosePeriodForm({ period, onDone }: { period: Period; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const refresh = useRefreshReporting();
  const { formError, submit, isPending } = useFormMutation({
    mutationFn: (comment: string) =>
      reportingApi.closePeriod(period.id, { version: period.version, ...(comment ? { comment } : {}) }),
    successMessage: (closed) => t('reporting.periods.closed', { label: closed.label }),
    onSaved: onDone,
    // Someone else closed or changed it meanwhile: show the periods as they are now.
    onError: (error) => {
      if (conflictCurrent(error, PeriodSchema) || isApiError(error, 'period_closed')) return refresh();
    },
    refresh,
  });
  return (
    <Stack>
      <Alert color="orange" variant="light" icon={<IconLock aria-hidden />}>
        <Stack gap={4}>
          <Text size="sm">
            {t('reporting.periods.closeExplain', {
              label: period.label,
              start: format.calendarDate(period.startDate),
              end: format.calendarDate(period.endDate),
            })}
          </Text>
          <Text size="sm">{t('reporting.periods.closeAfter')}</Text>
        </Stack>
      </Alert>
      <CommentForm
        commentLabel={t('reporting.periods.closeComment')}
        submitLabel={t('reporting.periods.closeConfirm')}
        danger
        pending={isPending}
        formError={formError}
        onSubmit={submit}
        onCancel={onDone}
      />
    </Stack>
  );
}
