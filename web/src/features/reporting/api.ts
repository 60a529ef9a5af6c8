import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  type ClosePeriodSchema,
  type Definition,
  DefinitionSchema,
  type ExportInputSchema,
  ExportSchema,
  type Framework,
  type FrameworkNode,
  type FrameworkNodeInputSchema,
  FrameworkNodeSchema,
  type FrameworkNodeUpdateSchema,
  FrameworkSchema,
  type Indicator,
  type IndicatorInputSchema,
  IndicatorSchema,
  type IndicatorUpdateSchema,
  type ManualValue,
  type ManualValueDecisionSchema,
  type ManualValueInputSchema,
  ManualValueSchema,
  type Period,
  type PeriodInputSchema,
  PeriodSchema,
  type Portfolio,
  PortfolioSchema,
  type Report,
  type ReportExport,
  type ReportIndicator,
  ReportSchema,
} from '../../../../src/modules/reporting/contract';
import { UuidSchema } from '../../../../src/platform/contract';
import { api } from '../../shared/api/client';

export type {
  Definition,
  Framework,
  FrameworkNode,
  Indicator,
  ManualValue,
  Period,
  Portfolio,
  Report,
  ReportExport,
  ReportIndicator,
};
export type CrossTab = Report['indicators'][number]['breakdowns'][number];
export type SeriesPoint = ReportIndicator['series'][number];
export type NodeBody = z.input<typeof FrameworkNodeInputSchema>;
export type NodeUpdateBody = z.input<typeof FrameworkNodeUpdateSchema>;
export type IndicatorBody = z.input<typeof IndicatorInputSchema>;
export type IndicatorUpdateBody = z.input<typeof IndicatorUpdateSchema>;
export type PeriodBody = z.input<typeof PeriodInputSchema>;
export type ClosePeriodBody = z.input<typeof ClosePeriodSchema>;
export type ManualValueBody = z.input<typeof ManualValueInputSchema>;
export type DecisionBody = z.input<typeof ManualValueDecisionSchema>;
export type ExportBody = z.input<typeof ExportInputSchema>;
export type ExportFormat = ReportExport['format'];

/** Who reads the report: staff through the project's routes, donor staff through their own (always suppressed). */
export type ReportSource = { via: 'staff' | 'donor'; projectId: string };

/** What the dashboard asks the server for (the report's query string). */
export interface ReportParams {
  periodId?: string;
  officeId?: string;
  shared: boolean;
  /** Extra breakdowns beside each indicator's own (specs such as `sex` or `sex*age_band`). */
  breakdowns: string[];
}

const ViewerSchema = z.object({
  userId: UuidSchema,
  displayName: z.string(),
  email: z.string(),
  createdAt: z.string(),
});
export const ViewersSchema = z.object({
  viewers: z.array(ViewerSchema),
  candidates: z.array(z.object({ userId: UuidSchema, displayName: z.string(), email: z.string() })),
});
export type Viewers = z.infer<typeof ViewersSchema>;

const DonorProjectSchema = z.object({
  id: UuidSchema,
  code: z.string(),
  name: z.string(),
  donor: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
});
export type DonorProject = z.infer<typeof DonorProjectSchema>;

/** The part of a snapshot the periods list shows (the figures themselves are not needed there). */
const SnapshotCheckSchema = z.object({
  id: UuidSchema,
  periodId: UuidSchema,
  sha256: z.string(),
  digestMatches: z.boolean(),
  signatureValid: z.boolean(),
  closedByName: z.string(),
  createdAt: z.string(),
});
export type SnapshotCheck = z.infer<typeof SnapshotCheckSchema>;

const enc = encodeURIComponent;
const projectPath = (id: string) => `/projects/${enc(id)}`;

export const reportingKeys = {
  all: ['reporting'] as const,
  catalogue: ['reporting', 'catalogue'] as const,
  framework: (projectId: string) => ['reporting', 'framework', projectId] as const,
  // The server words the report and the portfolio in the reader's language: one entry per language.
  report: (source: ReportSource, params: ReportParams, language: string) =>
    ['reporting', 'report', source.via, source.projectId, params, language] as const,
  portfolio: (officeId: string | null, language: string) =>
    ['reporting', 'portfolio', officeId, language] as const,
  exports: (source: ReportSource) => ['reporting', 'exports', source.via, source.projectId] as const,
  export: (via: ReportSource['via'], id: string) => ['reporting', 'export', via, id] as const,
  viewers: (projectId: string) => ['reporting', 'viewers', projectId] as const,
  donorProjects: ['reporting', 'donor-projects'] as const,
  snapshot: (periodId: string) => ['reporting', 'snapshot', periodId] as const,
};

export function reportPath(source: ReportSource): string {
  return source.via === 'donor'
    ? `/donor/projects/${enc(source.projectId)}/report`
    : `${projectPath(source.projectId)}/report`;
}

function exportsPath(source: ReportSource): string {
  return source.via === 'donor'
    ? `/donor/projects/${enc(source.projectId)}/exports`
    : `${projectPath(source.projectId)}/report-exports`;
}

function exportPath(via: ReportSource['via'], id: string): string {
  return via === 'donor' ? `/donor/exports/${enc(id)}` : `/report-exports/${enc(id)}`;
}

/** Where the browser downloads an export's file (the server sends it as an attachment). */
export function exportFileUrl(via: ReportSource['via'], id: string): string {
  return `/api${exportPath(via, id)}/file`;
}

export function evidenceUrl(indicatorId: string, periodId: string): string {
  return `/api/report-indicators/${enc(indicatorId)}/values/${enc(periodId)}/evidence`;
}

export function useReport(source: ReportSource, params: ReportParams) {
  const language = useTranslation().i18n.language;
  return useQuery({
    queryKey: reportingKeys.report(source, params, language),
    queryFn: ({ signal }): Promise<Report> =>
      api.get(
        reportPath(source),
        ReportSchema,
        {
          periodId: params.periodId,
          officeId: params.officeId,
          // The donor's route suppresses whatever is asked.
          shared: source.via === 'donor' ? undefined : params.shared ? 'true' : 'false',
          breakdowns: params.breakdowns.length ? params.breakdowns.join(',') : undefined,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useFramework(projectId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: reportingKeys.framework(projectId),
    queryFn: ({ signal }): Promise<Framework> =>
      api.get(`${projectPath(projectId)}/framework`, FrameworkSchema, undefined, signal),
    enabled: options.enabled ?? true,
  });
}

export function useCatalogue(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: reportingKeys.catalogue,
    queryFn: ({ signal }): Promise<Definition[]> =>
      api.get('/reporting/catalogue', z.array(DefinitionSchema), undefined, signal),
    staleTime: 60 * 60_000,
    enabled: options.enabled ?? true,
  });
}

export function usePortfolio(officeId: string | null) {
  const language = useTranslation().i18n.language;
  return useQuery({
    queryKey: reportingKeys.portfolio(officeId, language),
    queryFn: ({ signal }): Promise<Portfolio> =>
      api.get('/reporting/portfolio', PortfolioSchema, { officeId: officeId ?? undefined }, signal),
    placeholderData: keepPreviousData,
  });
}

const isRunning = (e: ReportExport) => e.status === 'queued' || e.status === 'running';

/** Recent exports; refreshed every few seconds while one of them is still being made. */
export function useExports(source: ReportSource) {
  return useQuery({
    queryKey: reportingKeys.exports(source),
    queryFn: ({ signal }): Promise<ReportExport[]> =>
      api.get(exportsPath(source), z.array(ExportSchema), undefined, signal),
    refetchInterval: (query) => (query.state.data?.some(isRunning) ? 3000 : false),
  });
}

/** One export, asked again about every second until it is done or failed. */
export function useExportProgress(via: ReportSource['via'], id: string | null, initial?: ReportExport) {
  return useQuery({
    queryKey: reportingKeys.export(via, id ?? ''),
    queryFn: ({ signal }): Promise<ReportExport> =>
      api.get(exportPath(via, id ?? ''), ExportSchema, undefined, signal),
    enabled: id !== null,
    initialData: initial,
    // The 202 answer is a starting point only: ask at once, then every second.
    initialDataUpdatedAt: 0,
    staleTime: 0,
    refetchInterval: (query) => {
      const data = query.state.data;
      return data && !isRunning(data) ? false : 1000;
    },
  });
}

export function useViewers(projectId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: reportingKeys.viewers(projectId),
    queryFn: ({ signal }): Promise<Viewers> =>
      api.get(`${projectPath(projectId)}/report-viewers`, ViewersSchema, undefined, signal),
    enabled: options.enabled ?? true,
  });
}

export function useDonorProjects() {
  return useQuery({
    queryKey: reportingKeys.donorProjects,
    queryFn: ({ signal }): Promise<DonorProject[]> =>
      api.get('/donor/projects', z.array(DonorProjectSchema), undefined, signal),
  });
}

/** A closed period's snapshot check (digest and signature), asked for on demand. */
export function useSnapshotCheck(periodId: string, enabled: boolean) {
  return useQuery({
    queryKey: reportingKeys.snapshot(periodId),
    queryFn: ({ signal }): Promise<SnapshotCheck> =>
      api.get(`/reporting-periods/${enc(periodId)}/snapshot`, SnapshotCheckSchema, undefined, signal),
    enabled,
  });
}

const valuePath = (indicatorId: string, periodId: string) =>
  `/report-indicators/${enc(indicatorId)}/values/${enc(periodId)}`;

export const reportingApi = {
  addNode: (projectId: string, body: NodeBody) =>
    api.post(`${projectPath(projectId)}/framework/nodes`, body, FrameworkNodeSchema),
  updateNode: (nodeId: string, body: NodeUpdateBody) =>
    api.patch(`/framework-nodes/${enc(nodeId)}`, body, FrameworkNodeSchema),
  removeNode: (nodeId: string) => api.delete(`/framework-nodes/${enc(nodeId)}`),
  addIndicator: (projectId: string, body: IndicatorBody) =>
    api.post(`${projectPath(projectId)}/framework/indicators`, body, IndicatorSchema),
  updateIndicator: (indicatorId: string, body: IndicatorUpdateBody) =>
    api.patch(`/report-indicators/${enc(indicatorId)}`, body, IndicatorSchema),
  createPeriod: (projectId: string, body: PeriodBody) =>
    api.post(`${projectPath(projectId)}/reporting-periods`, body, PeriodSchema),
  closePeriod: (periodId: string, body: ClosePeriodBody) =>
    api.post(`/reporting-periods/${enc(periodId)}/close`, body, PeriodSchema),
  enterValue: (indicatorId: string, periodId: string, body: ManualValueBody) =>
    api.put(valuePath(indicatorId, periodId), body, ManualValueSchema),
  decideValue: (indicatorId: string, periodId: string, body: DecisionBody) =>
    api.post(`${valuePath(indicatorId, periodId)}/decision`, body, ManualValueSchema),
  uploadEvidence: (indicatorId: string, periodId: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload(`${valuePath(indicatorId, periodId)}/evidence`, form, ManualValueSchema);
  },
  requestExport: (source: ReportSource, body: ExportBody) =>
    api.post(exportsPath(source), body, ExportSchema),
  grantViewer: (projectId: string, userId: string) =>
    api.post(`${projectPath(projectId)}/report-viewers`, { userId }, ViewersSchema),
  revokeViewer: (projectId: string, userId: string) =>
    api.delete(`${projectPath(projectId)}/report-viewers/${enc(userId)}`),
};

/** After a change to the framework, periods or values: every reporting view may show it. */
export function useRefreshReporting(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: reportingKeys.all });
  }, [queryClient]);
}
