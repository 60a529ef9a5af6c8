import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Progress,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconFileExport } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS } from '../../../../src/modules/reporting/contract';
import { currentLanguage } from '../../i18n';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { ScrollTable } from '../../shared/components/ScrollTable';
import { useFormat } from '../../shared/format/useFormat';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import {
  type ExportBody,
  type ExportFormat,
  exportFileUrl,
  type ReportExport,
  type ReportSource,
  reportingApi,
  reportingKeys,
  useExportProgress,
  useExports,
} from './api';

const STATUS_COLOR: Record<ReportExport['status'], string> = {
  queued: 'gray',
  running: 'blue',
  done: 'green',
  failed: 'red',
};

/** Known failure codes the worker records; anything else is said generically. */
const KNOWN_ERRORS = ['no_reporting_period', 'not_found', 'forbidden', 'export_expired'] as const;

function useExportError(): (code: string | null) => string {
  const { t } = useTranslation();
  return (code) =>
    code && (KNOWN_ERRORS as readonly string[]).includes(code)
      ? t(`reporting.exports.errors.${code as (typeof KNOWN_ERRORS)[number]}`)
      : t('reporting.exports.errors.other');
}

interface ExportsPanelProps {
  source: ReportSource;
  /** The period shown on the dashboard: the export is of the same period and extra breakdowns. */
  period: { id: string; label: string };
  breakdowns: string[];
  /** Period labels by id, for the list of recent exports. */
  periodLabels: Map<string, string>;
}

/** Asks for an export of the report shown, follows its progress, then offers the file; lists recent exports. */
export function ExportsPanel({ source, period, breakdowns, periodLabels }: ExportsPanelProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const donor = source.via === 'donor';
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [language, setLanguage] = useState<'fr' | 'en'>(currentLanguage());
  const [shared, setShared] = useState(true);
  const [current, setCurrent] = useState<ReportExport | null>(null);
  const request = useFormMutation({
    mutationFn: (body: ExportBody) => reportingApi.requestExport(source, body),
    successMessage: () => t('reporting.exports.requested'),
    onSaved: (made) => setCurrent(made),
    refresh: () => queryClient.invalidateQueries({ queryKey: reportingKeys.exports(source) }),
  });
  return (
    <Stack gap="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          request.submit({
            format,
            language,
            periodId: period.id,
            breakdowns,
            shared: donor ? true : shared,
          });
        }}
      >
        <Stack gap="md">
          <FormErrorAlert error={request.formError} />
          <Text size="sm">
            {breakdowns.length
              ? t('reporting.exports.scopeWithBreakdowns', { period: period.label, count: breakdowns.length })
              : t('reporting.exports.scope', { period: period.label })}
          </Text>
          <Radio.Group
            label={t('reporting.exports.format')}
            value={format}
            onChange={(value) => setFormat(value as ExportFormat)}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
              {EXPORT_FORMATS.map((f) => (
                <Radio
                  key={f}
                  value={f}
                  label={t(`reporting.exports.formats.${f}`)}
                  description={t(`reporting.exports.formatHints.${f}`)}
                />
              ))}
            </SimpleGrid>
          </Radio.Group>
          <Group align="flex-end" gap="lg">
            <NativeSelect
              label={t('reporting.exports.language')}
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value === 'en' ? 'en' : 'fr')}
              data={[
                { value: 'fr', label: t('language.fr') },
                { value: 'en', label: t('language.en') },
              ]}
            />
            <Switch
              checked={donor ? true : shared}
              disabled={donor}
              onChange={(e) => setShared(e.currentTarget.checked)}
              label={t('reporting.exports.shared')}
              description={donor ? t('reporting.exports.sharedDonor') : t('reporting.exports.sharedHint')}
              maw={420}
            />
          </Group>
          <Group>
            <Button
              type="submit"
              loading={request.isPending}
              leftSection={<IconFileExport size={16} aria-hidden />}
            >
              {t('reporting.exports.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {current ? <ExportProgress key={current.id} source={source} initial={current} /> : null}
      <RecentExports source={source} periodLabels={periodLabels} />
    </Stack>
  );
}

/** The export just asked for: its progress (asked about every second), then its download link. */
function ExportProgress({ source, initial }: { source: ReportSource; initial: ReportExport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const errorOf = useExportError();
  const headingId = useId();
  const query = useExportProgress(source.via, initial.id, initial);
  const made = query.data ?? initial;
  const finished = made.status === 'done' || made.status === 'failed';
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: reportingKeys.exports(source) });
  }, [finished, queryClient, source]);
  const percent = made.status === 'done' ? 100 : Math.max(0, Math.min(100, made.progress));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={3} size="h5" id={headingId}>
          {t('reporting.exports.currentTitle', { format: t(`reporting.exports.formats.${made.format}`) })}
        </Title>
        <Text size="sm" role="status" aria-live="polite">
          {made.status === 'queued'
            ? t('reporting.exports.queued')
            : made.status === 'running'
              ? t('reporting.exports.running', { percent })
              : made.status === 'done'
                ? t('reporting.exports.done')
                : t('reporting.exports.failed')}
        </Text>
        {finished ? null : (
          <Progress value={percent} animated aria-label={t('reporting.exports.progressLabel')} />
        )}
        {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
        {made.status === 'done' ? (
          <Group gap="xs">
            <IconDownload size={16} aria-hidden />
            <Anchor href={exportFileUrl(source.via, made.id)} download={made.fileName ?? undefined} fw={600}>
              {t('reporting.exports.download', { name: made.fileName ?? made.format })}
            </Anchor>
            {made.sizeBytes !== null ? (
              <Text size="sm" c="dimmed">
                {t('reporting.exports.fileMeta', {
                  size: format.fileSize(made.sizeBytes),
                  expires: format.dateTime(made.expiresAt),
                })}
              </Text>
            ) : null}
          </Group>
        ) : null}
        {made.status === 'failed' ? (
          <Alert color="red" variant="light" role="alert">
            {errorOf(made.error)}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}

function RecentExports({
  source,
  periodLabels,
}: {
  source: ReportSource;
  periodLabels: Map<string, string>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const exports = useExports(source);
  const headingId = useId();
  const now = Date.now();
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId} mb="xs">
        {source.via === 'donor' ? t('reporting.exports.recentDonor') : t('reporting.exports.recent')}
      </Title>
      {exports.isPending ? (
        <LoadingState />
      ) : exports.isError ? (
        <QueryError error={exports.error} onRetry={() => void exports.refetch()} />
      ) : exports.data.length === 0 ? (
        <Text size="sm">{t('reporting.exports.none')}</Text>
      ) : (
        <ScrollTable minWidth={860} label={t('reporting.exports.recentLabel')}>
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reporting.exports.columns.requested')}</Table.Th>
                <Table.Th scope="col">{t('reporting.exports.columns.format')}</Table.Th>
                <Table.Th scope="col">{t('reporting.exports.columns.period')}</Table.Th>
                <Table.Th scope="col">{t('reporting.exports.columns.language')}</Table.Th>
                <Table.Th scope="col">{t('reporting.exports.columns.shared')}</Table.Th>
                <Table.Th scope="col">{t('reporting.exports.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('reporting.exports.columns.expires')}</Table.Th>
                <Table.Th scope="col">{t('reporting.exports.columns.file')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {exports.data.map((e) => {
                const params = e.parameters as { periodId?: unknown; language?: unknown; shared?: unknown };
                const expired = Date.parse(e.expiresAt) < now;
                const periodId = typeof params.periodId === 'string' ? params.periodId : null;
                return (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      {format.dateTime(e.createdAt)}
                      <Text size="xs" c="dimmed">
                        {e.requestedByName}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`reporting.exports.formats.${e.format}`)}</Table.Td>
                    <Table.Td>
                      {periodId
                        ? (periodLabels.get(periodId) ?? t('common.none'))
                        : t('reporting.exports.currentPeriod')}
                    </Table.Td>
                    <Table.Td>{params.language === 'en' ? t('language.en') : t('language.fr')}</Table.Td>
                    <Table.Td>{params.shared === false ? t('common.no') : t('common.yes')}</Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={STATUS_COLOR[e.status]}
                        tt="none"
                        style={{ minWidth: 'max-content' }}
                      >
                        {t(`reporting.exports.status.${e.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {expired ? t('reporting.exports.expired') : format.dateTime(e.expiresAt)}
                    </Table.Td>
                    <Table.Td>
                      {e.status === 'done' && !expired ? (
                        <Anchor
                          href={exportFileUrl(source.via, e.id)}
                          download={e.fileName ?? undefined}
                          size="sm"
                        >
                          {e.fileName ?? e.format}
                          {e.sizeBytes !== null ? ` (${format.fileSize(e.sizeBytes)})` : ''}
                        </Anchor>
                      ) : (
                        t('common.none')
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </section>
  );
}
