import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ConfirmModal } from '../../shared/components/ConfirmModal';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { OfficeSelect } from '../../shared/components/OfficeSelect';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { Section } from '../../shared/components/Section';
import { useFormat } from '../../shared/format/useFormat';
import { useActionMutation, useFormMutation } from '../../shared/forms/useFormMutation';
import { useCurrentOffice } from '../../shared/layout/currentOffice';
import { type OfficeOption, useOfficesWith } from '../offices/useOfficesWith';
import {
  type DuplicateCandidate,
  type DuplicateScan,
  type DuplicateStatus,
  duplicatesKeys,
  fetchDuplicates,
  fetchScans,
  markDifferent,
  mergeCandidate,
  startScan,
  useRefreshAfterMerge,
} from './api';
import { originalName, personName, useBirthDate, useCountryList } from './labels';
import { MatchReasonList } from './MatchReasonList';
import { MatchScore } from './MatchScore';
import { MergeConfirmModal } from './MergeConfirmModal';
import {
  documentTypeLabel,
  type MatchReason,
  type ReasonField,
  reasonField,
  reasonSense,
} from './matchReasons';
import { RegistryNav } from './RegistryNav';

const STATUSES: readonly DuplicateStatus[] = ['open', 'merged', 'different'];
const isStatus = (value: string | null): value is DuplicateStatus =>
  (STATUSES as readonly (string | null)[]).includes(value);

/** While a scan runs, how often to ask how it is going. */
const SCAN_POLL_MS = 2000;

/** Candidate pairs of records of one person: run a scan, compare each pair, decide. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = isStatus(params.get('status')) ? (params.get('status') as DuplicateStatus) : 'open';
  return (
    <>
      <PageHeader title={t('duplicates.title')} intro={t('duplicates.intro')} />
      <RegistryNav />
      <Stack gap="lg">
        <ScanSection />
        <Tabs
          value={status}
          onChange={(value) =>
            setParams(value && value !== 'open' ? { status: value } : {}, { replace: true })
          }
          keepMounted={false}
        >
          <Tabs.List aria-label={t('duplicates.tabs.label')} mb="md">
            <Tabs.Tab value="open">{t('duplicates.tabs.open')}</Tabs.Tab>
            <Tabs.Tab value="merged">{t('duplicates.tabs.merged')}</Tabs.Tab>
            <Tabs.Tab value="different">{t('duplicates.tabs.different')}</Tabs.Tab>
          </Tabs.List>
          {STATUSES.map((s) => (
            <Tabs.Panel key={s} value={s}>
              <CandidateList status={s} />
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </>
  );
}

// ---- scans --------------------------------------------------------------------------------------------

function ScanSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { offices } = useOfficesWith('persons.merge');
  const { current } = useCurrentOffice();
  const [chosen, setChosen] = useState<string | null>(null);
  // Default: the current office when the user reviews there, else all of theirs.
  const officeId =
    chosen ?? (offices.some((o) => o.id === current?.officeId) ? (current?.officeId ?? '') : '');
  const [scanId, setScanId] = useState<string | null>(null);

  const scans = useQuery({
    queryKey: duplicatesKeys.scans,
    queryFn: ({ signal }) => fetchScans(signal),
    refetchInterval: (query) =>
      shownScan(query.state.data, scanId)?.status === 'running' ? SCAN_POLL_MS : false,
  });
  const scan = shownScan(scans.data, scanId);

  const start = useFormMutation({
    mutationFn: () => startScan(officeId || null),
    successMessage: () => t('duplicates.scan.started'),
    onSaved: (result) => setScanId(result.scanId),
    refresh: () => queryClient.invalidateQueries({ queryKey: duplicatesKeys.scans }),
  });

  // When a scan finishes (this user's, however fast, or one seen running), the pairs it found are listed.
  const status = scan?.status;
  const watched = useRef<string | null>(null);
  useEffect(() => {
    if (!scan) return;
    if (scan.status === 'running') watched.current = scan.id;
    else if (watched.current === scan.id || scan.id === scanId) {
      watched.current = null;
      if (scan.id === scanId) setScanId(null);
      void queryClient.invalidateQueries({ queryKey: duplicatesKeys.all });
    }
  }, [scan, scanId, queryClient]);

  const running = status === 'running';
  return (
    <Section id="duplicates-scan" title={t('duplicates.scan.title')}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('duplicates.scan.automaticNote')}
        </Text>
        <Group
          component="form"
          align="flex-end"
          onSubmit={(event) => {
            event.preventDefault();
            start.submit();
          }}
        >
          <OfficeSelect
            label={t('duplicates.scan.office')}
            name="officeId"
            value={officeId}
            onChange={(event) => setChosen(event.currentTarget.value)}
            emptyLabel={t('duplicates.scan.allOffices')}
            offices={offices}
          />
          <Button
            type="submit"
            leftSection={<IconSearch size={16} aria-hidden />}
            loading={start.isPending}
            disabled={running}
          >
            {t('duplicates.scan.start')}
          </Button>
        </Group>
        <FormErrorAlert error={start.formError} />
        {scans.isPending ? (
          <LoadingState />
        ) : scans.isError ? (
          <QueryError error={scans.error} onRetry={() => void scans.refetch()} />
        ) : (
          <ScanStatus scan={scan} offices={offices} />
        )}
      </Stack>
    </Section>
  );
}

/** The scan the user started here, or else the latest one. */
function shownScan(scans: DuplicateScan[] | undefined, scanId: string | null): DuplicateScan | undefined {
  return scans?.find((s) => s.id === scanId) ?? scans?.[0];
}

function ScanStatus({ scan, offices }: { scan: DuplicateScan | undefined; offices: OfficeOption[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!scan) {
    return <Text role="status">{t('duplicates.scan.never')}</Text>;
  }
  const scope = scan.automatic
    ? t('duplicates.scan.wholeRegistry')
    : scan.officeId === null
      ? t('duplicates.scan.allOffices')
      : (offices.find((o) => o.id === scan.officeId)?.name ?? t('duplicates.scan.otherOffice'));
  const name = scan.automatic ? t('duplicates.scan.automaticName') : scan.startedByName;
  const date = format.dateTime(scan.startedAt);
  if (scan.status === 'running') {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" aria-hidden />
        <Text>{t('duplicates.scan.running', { scope, name, date })}</Text>
      </Group>
    );
  }
  if (scan.status === 'failed') {
    return (
      <Alert color="red" variant="light" role="status">
        {t('duplicates.scan.failed', { scope, date })}
      </Alert>
    );
  }
  const n = (value: number | null) => format.number(value ?? 0);
  return (
    <Text role="status">
      {t('duplicates.scan.done', {
        scope,
        date: format.dateTime(scan.finishedAt ?? scan.startedAt),
        persons: n(scan.persons),
        comparisons: n(scan.comparisons),
        candidates: n(scan.candidates),
        newCandidates: n(scan.newCandidates),
      })}
    </Text>
  );
}

// ---- candidate pairs ----------------------------------------------------------------------------------

function CandidateList({ status }: { status: DuplicateStatus }) {
  const { t } = useTranslation();
  const candidates = useQuery({
    queryKey: duplicatesKeys.list(status),
    queryFn: ({ signal }) => fetchDuplicates(status, signal),
  });
  if (candidates.isPending) return <LoadingState />;
  if (candidates.isError)
    return <QueryError error={candidates.error} onRetry={() => void candidates.refetch()} />;
  const empty = {
    open: t('duplicates.empty.open'),
    merged: t('duplicates.empty.merged'),
    different: t('duplicates.empty.different'),
  }[status];
  const { items, reachingOutside } = candidates.data;
  return (
    <Stack>
      <VisuallyHidden role="status">{t('duplicates.count', { count: items.length })}</VisuallyHidden>
      {status === 'open' && reachingOutside > 0 ? (
        <Alert color="blue" variant="light" role="note">
          {t('duplicates.reachingOutside', { count: reachingOutside })}
        </Alert>
      ) : null}
      {items.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        items.map((candidate) => <PairCard key={candidate.id} candidate={candidate} />)
      )}
    </Stack>
  );
}

type Side = DuplicateCandidate['a'];
type Decision = { kind: 'merge'; keep: Side; merge: Side } | { kind: 'different' };

/** One candidate pair: the two records side by side, what matched, and (while open) the decision. */
function PairCard({ candidate }: { candidate: DuplicateCandidate }) {
  const { t } = useTranslation();
  const format = useFormat();
  const refresh = useRefreshAfterMerge();
  const headingId = useId();
  const { a, b } = candidate;
  const open = candidate.status === 'open';
  const kept =
    candidate.status === 'merged' ? [a, b].find((side) => side.id === candidate.keptId) : undefined;
  const [decision, setDecision] = useState<Decision | null>(null);

  const merge = useActionMutation({
    showError: 'inline',
    mutationFn: ({ keep }: { keep: Side; merge: Side }) => mergeCandidate(candidate.id, keep.id),
    successMessage: (_result, { keep, merge: merged }) =>
      t('registry.merge.done', {
        merged: personName(merged),
        mergedReference: merged.reference,
        keptReference: keep.reference,
      }),
    onSaved: () => setDecision(null),
    refresh: () => refresh(),
  });
  const different = useActionMutation({
    showError: 'inline',
    mutationFn: () => markDifferent(candidate.id),
    successMessage: () => t('duplicates.different.done'),
    onSaved: () => setDecision(null),
    refresh: () => refresh(),
  });
  const close = () => {
    setDecision(null);
    merge.reset();
    different.reset();
  };

  return (
    <Paper component="article" withBorder p="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={2} size="h4" id={headingId}>
            {t('duplicates.pair.label', { a: personName(a), b: personName(b) })}
          </Title>
          <Group gap="sm">
            <MatchScore score={candidate.score} />
            <Text size="sm" c="dimmed">
              {candidate.decidedByName
                ? t('duplicates.pair.decidedBy', { name: candidate.decidedByName })
                : t('duplicates.pair.foundAt', { date: format.date(candidate.foundAt) })}
            </Text>
          </Group>
        </Group>
        <Comparison
          candidate={candidate}
          labelledBy={headingId}
          linkRecords={candidate.status !== 'merged'}
        />
        {kept ? (
          <Group gap="sm">
            <Text size="sm">
              {t('duplicates.pair.kept', { name: personName(kept), reference: kept.reference })}
            </Text>
            <Anchor component={Link} to={`/registry/${kept.id}#person-merges`} size="sm">
              {t('duplicates.pair.undoFromKept')}
            </Anchor>
          </Group>
        ) : null}
        {open ? (
          <Group gap="sm">
            <Button
              variant="light"
              aria-describedby={headingId}
              onClick={() => setDecision({ kind: 'merge', keep: a, merge: b })}
            >
              {t('duplicates.pair.keepLeft')}
            </Button>
            <Button
              variant="light"
              aria-describedby={headingId}
              onClick={() => setDecision({ kind: 'merge', keep: b, merge: a })}
            >
              {t('duplicates.pair.keepRight')}
            </Button>
            <Button
              variant="default"
              aria-describedby={headingId}
              onClick={() => setDecision({ kind: 'different' })}
            >
              {t('duplicates.pair.different')}
            </Button>
          </Group>
        ) : null}
      </Stack>
      <MergeConfirmModal
        pair={
          decision?.kind === 'merge'
            ? {
                kept: { name: personName(decision.keep), reference: decision.keep.reference },
                merged: { name: personName(decision.merge), reference: decision.merge.reference },
              }
            : null
        }
        loading={merge.isPending}
        formError={merge.formError}
        onConfirm={() => {
          if (decision?.kind === 'merge') merge.run({ keep: decision.keep, merge: decision.merge });
        }}
        onClose={close}
      />
      <ConfirmModal
        opened={decision?.kind === 'different'}
        title={t('duplicates.different.title')}
        message={t('duplicates.different.message', {
          a: personName(a),
          aReference: a.reference,
          b: personName(b),
          bReference: b.reference,
        })}
        confirmLabel={t('duplicates.different.confirm')}
        loading={different.isPending}
        error={different.formError ? <FormErrorAlert error={different.formError} /> : null}
        onConfirm={() => different.run()}
        onClose={close}
      />
    </Paper>
  );
}

interface Row {
  field: ReasonField | 'originalName' | 'aliases' | 'office' | 'reference' | 'cases';
  label: string;
  value: (side: Side) => ReactNode;
}

/**
 * The two records field by field, with what the matcher found about each field: rows where the records
 * agree are tinted green, rows where they differ orange (the evidence column says it in words).
 */
function Comparison({
  candidate,
  labelledBy,
  linkRecords,
}: {
  candidate: DuplicateCandidate;
  labelledBy: string;
  linkRecords: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const birthDate = useBirthDate();
  const countries = useCountryList();
  const none = t('common.none');
  const text = (value: string | null | undefined) => (value ? <span dir="auto">{value}</span> : none);
  const byField = new Map<string, MatchReason[]>();
  for (const reason of candidate.reasons) {
    const field = reasonField(reason);
    byField.set(field, [...(byField.get(field) ?? []), reason]);
  }
  const rows: Row[] = [
    {
      field: 'name',
      label: t('duplicates.fields.name'),
      value: (side) =>
        linkRecords ? (
          <Anchor component={Link} to={`/registry/${side.id}`} size="sm" fw={600}>
            {personName(side)}
          </Anchor>
        ) : (
          personName(side)
        ),
    },
    {
      field: 'originalName',
      label: t('duplicates.fields.originalName'),
      value: (s) => text(originalName(s)),
    },
    {
      field: 'aliases',
      label: t('duplicates.fields.aliases'),
      value: (side) =>
        side.aliases.length === 0
          ? none
          : side.aliases.map((alias, index) => (
              <span key={`${alias.script}:${alias.name}`}>
                {index > 0 ? ', ' : null}
                <span dir="auto">{alias.name}</span>
              </span>
            )),
    },
    { field: 'fatherName', label: t('duplicates.fields.fatherName'), value: (s) => text(s.fatherName) },
    { field: 'sex', label: t('duplicates.fields.sex'), value: (s) => t(`registry.sexes.${s.sex}`) },
    {
      field: 'birthDate',
      label: t('duplicates.fields.birthDate'),
      value: (s) => birthDate(s.birthDate, s.birthDatePrecision),
    },
    {
      field: 'nationalities',
      label: t('duplicates.fields.nationalities'),
      value: (s) => countries(s.nationalities),
    },
    {
      field: 'placeOfOrigin',
      label: t('duplicates.fields.placeOfOrigin'),
      value: (s) => text(s.placeOfOrigin),
    },
    { field: 'office', label: t('duplicates.fields.office'), value: (s) => s.officeCode },
    {
      field: 'reference',
      label: t('duplicates.fields.reference'),
      value: (s) => (
        <Text span size="sm" ff="monospace">
          {s.reference}
        </Text>
      ),
    },
    { field: 'cases', label: t('duplicates.fields.cases'), value: (s) => format.number(s.caseCount) },
  ];
  const sameDocument = byField.get('document')?.[0];
  if (sameDocument)
    rows.splice(rows.length - 3, 0, {
      field: 'document',
      label: t('duplicates.fields.document'),
      value: () => documentTypeLabel(sameDocument.type, t),
    });
  if (byField.has('other'))
    rows.push({ field: 'other', label: t('duplicates.fields.other'), value: () => '' });

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-labelledby={labelledBy} withTableBorder withColumnBorders verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="16%">
              {t('duplicates.pair.field')}
            </Table.Th>
            <Table.Th scope="col" w="24%">
              {t('duplicates.pair.left')}
            </Table.Th>
            <Table.Th scope="col" w="24%">
              {t('duplicates.pair.right')}
            </Table.Th>
            <Table.Th scope="col">{t('duplicates.pair.evidence')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const reasons = byField.get(row.field) ?? [];
            const senses = new Set(reasons.map(reasonSense));
            const tint = senses.has('differs') ? 'orange.0' : senses.has('agrees') ? 'green.0' : undefined;
            return (
              <Table.Tr key={row.field} bg={tint}>
                <Table.Th scope="row">{row.label}</Table.Th>
                <Table.Td>{row.value(candidate.a)}</Table.Td>
                <Table.Td>{row.value(candidate.b)}</Table.Td>
                <Table.Td>{reasons.length > 0 ? <MatchReasonList reasons={reasons} /> : null}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
