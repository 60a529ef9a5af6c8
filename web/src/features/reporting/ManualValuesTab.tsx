import {
  Anchor,
  Badge,
  Button,
  Group,
  Input,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconDownload, IconPencil } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ManualValueInputSchema } from '../../../../src/modules/reporting/contract';
import { currentLanguage } from '../../i18n';
import { AppModal } from '../../shared/components/AppModal';
import { CommentForm } from '../../shared/components/CommentForm';
import { ModalForm } from '../../shared/components/ModalForm';
import { ScrollTable } from '../../shared/components/ScrollTable';
import { Section } from '../../shared/components/Section';
import { useFormat } from '../../shared/format/useFormat';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import {
  evidenceUrl,
  type Framework,
  type Indicator,
  type ManualValue,
  type ManualValueBody,
  type Period,
  reportingApi,
  useRefreshReporting,
} from './api';
import { parseFigure } from './IndicatorFormModal';
import { MANUAL_STATUS_COLOR, useFigureFormat, useReportingLabels } from './labels';
import { useReportingContext } from './ProjectReportingPage';

/** The largest evidence file the server keeps (ATTACHMENT_MAX_BYTES by default). */
const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.pdf,image/*,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.rtf,.txt,.csv';

type Dialog =
  | { kind: 'enter'; indicator: Indicator; period: Period; value: ManualValue | null }
  | { kind: 'validated' | 'returned'; indicator: Indicator; period: Period; value: ManualValue }
  | null;

/** Manual indicators, period by period: entered with evidence by M&E, validated or returned by the manager. */
export function ManualValuesTab() {
  const { t } = useTranslation();
  const { framework } = useReportingContext();
  const [dialog, setDialog] = useState<Dialog>(null);
  const manual = framework.indicators.filter((i) => i.kind === 'manual');
  const close = () => setDialog(null);
  return (
    <Section id="manual-values" title={t('reporting.values.title')}>
      <Stack gap="lg">
        <Text size="sm" c="dimmed">
          {t('reporting.values.intro')}
        </Text>
        {framework.can.enter || framework.can.manage ? null : (
          <Text size="sm">{t('reporting.values.readOnly')}</Text>
        )}
        {manual.length === 0 ? (
          <Text>{t('reporting.values.none')}</Text>
        ) : (
          manual.map((indicator) => (
            <IndicatorValues
              key={indicator.id}
              framework={framework}
              indicator={indicator}
              onDialog={setDialog}
            />
          ))
        )}
      </Stack>
      <AppModal
        opened={dialog?.kind === 'enter'}
        onClose={close}
        title={
          dialog?.kind === 'enter'
            ? t('reporting.values.enterTitle', { code: dialog.indicator.code, period: dialog.period.label })
            : ''
        }
      >
        {dialog?.kind === 'enter' ? <ValueForm dialog={dialog} onDone={close} /> : null}
      </AppModal>
      <AppModal
        opened={dialog?.kind === 'validated' || dialog?.kind === 'returned'}
        onClose={close}
        size="md"
        title={
          dialog && dialog.kind !== 'enter'
            ? t(
                dialog.kind === 'validated'
                  ? 'reporting.values.validateTitle'
                  : 'reporting.values.returnTitle',
                {
                  code: dialog.indicator.code,
                  period: dialog.period.label,
                },
              )
            : ''
        }
      >
        {dialog && dialog.kind !== 'enter' ? <DecisionForm dialog={dialog} onDone={close} /> : null}
      </AppModal>
    </Section>
  );
}

function IndicatorValues({
  framework,
  indicator,
  onDialog,
}: {
  framework: Framework;
  indicator: Indicator;
  onDialog: (dialog: Dialog) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const figures = useFigureFormat();
  const labels = useReportingLabels();
  const headingId = useId();
  const lang = currentLanguage();
  const periods = framework.periods.slice().sort((a, b) => a.startDate.localeCompare(b.startDate));
  const manualValueOf = (periodId: string) =>
    framework.manualValues.find((v) => v.indicatorId === indicator.id && v.periodId === periodId) ?? null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5" id={headingId}>
            <Text span ff="monospace" fw={700} inherit>
              {indicator.code}
            </Text>{' '}
            {indicator.title[lang]}
          </Title>
          <Badge variant="outline" color="gray" tt="none">
            {labels.unit(indicator.unit)}
          </Badge>
        </Group>
        {indicator.meansOfVerification[lang] ? (
          <Text size="sm">
            <Text span fw={600}>
              {t('reporting.indicator.meansOfVerification')} :{' '}
            </Text>
            {indicator.meansOfVerification[lang]}
          </Text>
        ) : null}
        {periods.length === 0 ? (
          <Text size="sm">{t('reporting.periods.empty')}</Text>
        ) : (
          <ScrollTable minWidth={980} label={t('reporting.values.tableLabel', { code: indicator.code })}>
            <Table withTableBorder striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reporting.periods.columns.period')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('reporting.values.columns.value')}
                  </Table.Th>
                  <Table.Th scope="col">{t('reporting.values.columns.status')}</Table.Th>
                  <Table.Th scope="col">{t('reporting.values.columns.entered')}</Table.Th>
                  <Table.Th scope="col">{t('reporting.values.columns.decision')}</Table.Th>
                  <Table.Th scope="col">{t('reporting.values.columns.evidence')}</Table.Th>
                  <Table.Th scope="col">{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {periods.map((period) => {
                  const value = manualValueOf(period.id);
                  const status = value?.status ?? 'missing';
                  const open = period.status === 'open';
                  const canEnter = framework.can.enter && open;
                  const canDecide = framework.can.manage && open && value?.status === 'submitted';
                  const rowName = `${indicator.code} ${period.label}`;
                  return (
                    <Table.Tr key={period.id}>
                      <Table.Th scope="row" fw={400}>
                        <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {period.label}
                        </Text>
                        {open ? null : (
                          <Text size="xs" c="dimmed">
                            {t('reporting.periodStatus.closed')}
                          </Text>
                        )}
                      </Table.Th>
                      <Table.Td ta="right">
                        {value ? figures.figure(value.value, indicator.unit) : t('common.none')}
                      </Table.Td>
                      <Table.Td>
                        <Badge
                          variant="light"
                          color={MANUAL_STATUS_COLOR[status]}
                          tt="none"
                          style={{ minWidth: 'max-content' }}
                        >
                          {labels.manualStatus(status)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {value ? (
                          <>
                            <Text size="sm">
                              {t('reporting.values.enteredBy', {
                                name: value.enteredByName,
                                date: format.dateTime(value.enteredAt),
                              })}
                            </Text>
                            {value.comment ? (
                              <Text size="xs" c="dimmed">
                                {value.comment}
                              </Text>
                            ) : null}
                          </>
                        ) : (
                          t('common.none')
                        )}
                      </Table.Td>
                      <Table.Td>
                        {value?.decidedAt ? (
                          <>
                            <Text size="sm">
                              {t('reporting.values.decidedBy', {
                                name: value.decidedByName ?? '',
                                date: format.dateTime(value.decidedAt),
                              })}
                            </Text>
                            {value.decisionComment ? (
                              <Text size="xs" c={value.status === 'returned' ? 'orange.9' : 'dimmed'}>
                                {value.decisionComment}
                              </Text>
                            ) : null}
                          </>
                        ) : (
                          t('common.none')
                        )}
                      </Table.Td>
                      <Table.Td>
                        {value?.evidence ? (
                          <Anchor
                            href={evidenceUrl(indicator.id, period.id)}
                            download={value.evidence.fileName}
                            size="sm"
                          >
                            <IconDownload size={12} aria-hidden /> {value.evidence.fileName} (
                            {format.fileSize(value.evidence.sizeBytes)})
                          </Anchor>
                        ) : (
                          t('reporting.values.noEvidence')
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={4} align="flex-start">
                          {canEnter ? (
                            <Button
                              size="compact-xs"
                              variant="light"
                              leftSection={<IconPencil size={12} aria-hidden />}
                              aria-label={t(
                                value ? 'reporting.values.changeLabel' : 'reporting.values.enterLabel',
                                {
                                  name: rowName,
                                },
                              )}
                              onClick={() => onDialog({ kind: 'enter', indicator, period, value })}
                            >
                              {value ? t('reporting.values.change') : t('reporting.values.enter')}
                            </Button>
                          ) : null}
                          {canDecide && value ? (
                            <Group gap={4} wrap="nowrap">
                              <Button
                                size="compact-xs"
                                color="green"
                                leftSection={<IconCheck size={12} aria-hidden />}
                                aria-label={t('reporting.values.validateLabel', { name: rowName })}
                                onClick={() => onDialog({ kind: 'validated', indicator, period, value })}
                              >
                                {t('reporting.values.validate')}
                              </Button>
                              <Button
                                size="compact-xs"
                                variant="outline"
                                color="orange"
                                leftSection={<IconArrowBackUp size={12} aria-hidden />}
                                aria-label={t('reporting.values.returnLabel', { name: rowName })}
                                onClick={() => onDialog({ kind: 'returned', indicator, period, value })}
                              >
                                {t('reporting.values.return')}
                              </Button>
                            </Group>
                          ) : null}
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Stack>
    </Paper>
  );
}

interface ValueValues {
  value: string;
  comment: string;
}

function ValueForm({ dialog, onDone }: { dialog: Extract<Dialog, { kind: 'enter' }>; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useReportingLabels();
  const refresh = useRefreshReporting();
  const fileId = useId();
  const hintId = useId();
  const errorId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const { indicator, period, value } = dialog;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ValueValues, unknown, ManualValueBody>({
    resolver: localizedZodResolver<ValueValues, ManualValueBody>(ManualValueInputSchema, t, (v) => ({
      value: parseFigure(v.value) as number,
      comment: v.comment,
      ...(value ? { version: value.version } : {}),
    })),
    defaultValues: { value: value ? String(value.value) : '', comment: value?.comment ?? '' },
  });
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: (path) => path === 'value' || path === 'comment',
    // The value first, then its evidence: a file is attached to a value that exists.
    mutationFn: async (body: ManualValueBody) => {
      const saved = await reportingApi.enterValue(indicator.id, period.id, body);
      return file ? reportingApi.uploadEvidence(indicator.id, period.id, file) : saved;
    },
    successMessage: () => t('reporting.values.saved', { code: indicator.code, period: period.label }),
    onSaved: onDone,
    refresh,
    // The value may be saved even when its file is refused: show what is stored now.
    onError: () => refresh(),
  });
  return (
    <ModalForm
      onSubmit={(event) => {
        if (file && file.size > MAX_EVIDENCE_BYTES) {
          event.preventDefault();
          setFileProblem(t('reporting.values.fileTooLarge'));
          return;
        }
        void handleSubmit(submit)(event);
      }}
      formError={formError}
      onCancel={onDone}
      loading={isPending}
      submitLabel={t('reporting.values.submit')}
    >
      <Text size="sm">
        {t('reporting.values.formIntro', {
          unit: labels.unit(indicator.unit),
          period: labels.periodSpan(period),
        })}
      </Text>
      {value?.status === 'returned' && value.decisionComment ? (
        <Text size="sm" c="orange.9">
          {t('reporting.values.returnedBecause', { comment: value.decisionComment })}
        </Text>
      ) : null}
      <TextInput
        label={t('reporting.values.fields.value')}
        required
        inputMode="decimal"
        autoComplete="off"
        error={errors.value?.message}
        {...register('value')}
      />
      <Textarea
        label={t('reporting.values.fields.comment')}
        autosize
        minRows={2}
        error={errors.comment?.message}
        {...register('comment')}
      />
      <Input.Wrapper
        label={t('reporting.values.fields.evidence')}
        description={
          value?.evidence
            ? t('reporting.values.evidenceReplace', {
                name: value.evidence.fileName,
                size: format.fileSize(value.evidence.sizeBytes),
              })
            : t('reporting.values.evidenceHint')
        }
        error={fileProblem}
        labelProps={{ htmlFor: fileId }}
        descriptionProps={{ id: hintId }}
        errorProps={{ id: errorId }}
      >
        <input
          id={fileId}
          type="file"
          name="file"
          accept={ACCEPT}
          aria-describedby={fileProblem ? `${hintId} ${errorId}` : hintId}
          aria-invalid={fileProblem ? true : undefined}
          style={{ display: 'block', marginTop: 4 }}
          onChange={(event) => {
            setFile(event.currentTarget.files?.[0] ?? null);
            setFileProblem(null);
          }}
        />
      </Input.Wrapper>
    </ModalForm>
  );
}

function DecisionForm({
  dialog,
  onDone,
}: {
  dialog: Extract<Dialog, { kind: 'validated' | 'returned' }>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const figures = useFigureFormat();
  const refresh = useRefreshReporting();
  const { indicator, period, value } = dialog;
  const returning = dialog.kind === 'returned';
  const { formError, submit, isPending } = useFormMutation({
    mutationFn: (comment: string) =>
      reportingApi.decideValue(indicator.id, period.id, {
        version: value.version,
        decision: dialog.kind,
        comment,
      }),
    successMessage: () =>
      returning ? t('reporting.values.returnedDone') : t('reporting.values.validatedDone'),
    onSaved: onDone,
    refresh,
    onError: () => refresh(),
  });
  return (
    <CommentForm
      intro={t(returning ? 'reporting.values.returnIntro' : 'reporting.values.validateIntro', {
        value: figures.figure(value.value, indicator.unit),
        name: value.enteredByName,
        evidence: value.evidence?.fileName ?? t('reporting.values.noEvidence'),
      })}
      commentLabel={returning ? t('reporting.values.returnReason') : t('reporting.values.validateComment')}
      required={returning}
      submitLabel={returning ? t('reporting.values.return') : t('reporting.values.validate')}
      danger={returning}
      pending={isPending}
      formError={formError}
      onSubmit={submit}
      onCancel={onDone}
    />
  );
}
