/** Referrals, transfers, their threads, partner links and notifications: the web app's side of the API. */
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { z } from 'zod';
import {
  DashboardSchema,
  NotificationListSchema,
  PartnerLinkResultSchema,
  PartnerViewSchema,
  ReferralDetailSchema,
  ReferralListSchema,
  ReferralSummarySchema,
  ReferralTargetSchema,
  SendReferralResultSchema,
  type SendReferralSchema,
} from '../../../../src/modules/referrals/contract';
import type { ReferralStatus } from '../../../../src/modules/referrals/sections';
import { api } from '../../shared/api/client';
import { casesKeys } from '../cases/api';

export type { ReferralDetail, ReferralSummary, SharedCase } from '../../../../src/modules/referrals/contract';
export type ReferralTarget = z.infer<typeof ReferralTargetSchema>;
/** What is sent: the contract's output (defaults applied). */
export type SendReferralBody = z.output<typeof SendReferralSchema>;
export type SendReferralResult = z.infer<typeof SendReferralResultSchema>;
export type PartnerView = z.infer<typeof PartnerViewSchema>;
export type ReferralNotification = z.infer<typeof NotificationListSchema>['items'][number];
export type DashboardRow = z.infer<typeof DashboardSchema>['offices'][number];
export type ReferralMessage = z.infer<typeof ReferralDetailSchema>['messages'][number];

export type Direction = 'incoming' | 'outgoing';
export interface ReferralQuery {
  direction: Direction;
  status?: ReferralStatus;
  overdue?: boolean;
}

const TargetListSchema = z.object({ items: z.array(ReferralTargetSchema) });
const MarkedSchema = z.object({ marked: z.number() });

export const referralsKeys = {
  all: ['referrals'] as const,
  lists: ['referrals', 'list'] as const,
  list: (query: ReferralQuery) => ['referrals', 'list', query] as const,
  detail: (id: string) => ['referrals', 'detail', id] as const,
  ofCase: (caseId: string) => ['referrals', 'case', caseId] as const,
  targets: (caseId: string) => ['referrals', 'targets', caseId] as const,
  dashboard: ['referrals', 'dashboard'] as const,
  notifications: ['notifications'] as const,
  partner: (token: string) => ['partner', token] as const,
};

const referralPath = (id: string) => `/referrals/${encodeURIComponent(id)}`;
const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;
const partnerPath = (token: string) => `/partner/${encodeURIComponent(token)}`;

// ---- staff ---------------------------------------------------------------------------------------

export function fetchCaseReferrals(caseId: string, signal?: AbortSignal) {
  return api.get(`${casePath(caseId)}/referrals`, ReferralListSchema, undefined, signal).then((r) => r.items);
}

export function fetchReferralTargets(caseId: string, signal?: AbortSignal) {
  return api
    .get(`${casePath(caseId)}/referral-targets`, TargetListSchema, undefined, signal)
    .then((r) => r.items);
}

export function sendReferral(caseId: string, body: SendReferralBody): Promise<SendReferralResult> {
  return api.post(`${casePath(caseId)}/referrals`, body, SendReferralResultSchema);
}

export function fetchReferrals(query: ReferralQuery, signal?: AbortSignal) {
  return api
    .get(
      '/referrals',
      ReferralListSchema,
      { direction: query.direction, status: query.status, overdue: query.overdue ? 'true' : undefined },
      signal,
    )
    .then((r) => r.items);
}

export function fetchReferral(id: string, signal?: AbortSignal) {
  return api.get(referralPath(id), ReferralDetailSchema, undefined, signal);
}

export function acceptReferral(id: string, assigneeId: string | null) {
  return api.post(`${referralPath(id)}/accept`, { assigneeId }, ReferralSummarySchema);
}

export function declineReferral(id: string, reason: string) {
  return api.post(`${referralPath(id)}/decline`, { reason }, ReferralSummarySchema);
}

export function revokeReferral(id: string, reason: string) {
  return api.post(`${referralPath(id)}/revoke`, { reason }, ReferralSummarySchema);
}

export function postReferralMessage(id: string, body: string): Promise<undefined> {
  return api.post(`${referralPath(id)}/messages`, { body });
}

export function issuePartnerLink(id: string, validDays: number) {
  return api.post(`${referralPath(id)}/partner-link`, { validDays }, PartnerLinkResultSchema);
}

export function revokePartnerLink(id: string): Promise<undefined> {
  // An empty object, not no body: the server validates the body as an (empty) object.
  return api.post(`${referralPath(id)}/partner-link/revoke`, {});
}

export function fetchDashboard(signal?: AbortSignal) {
  return api.get('/referrals/dashboard', DashboardSchema, undefined, signal).then((r) => r.offices);
}

export function fetchNotifications(signal?: AbortSignal) {
  return api.get('/notifications', NotificationListSchema, undefined, signal);
}

/** Marks one notification read, or all of them without an id. */
export function markNotificationsRead(id?: string) {
  return api.post('/notifications/read', id ? { id } : {}, MarkedSchema);
}

/** After an answer, a revocation or a message: the referral, its lists, the case and notifications. */
export function useRefreshReferral(): (referral: { id: string; caseId: string }) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    async (referral: { id: string; caseId: string }) => refreshReferral(queryClient, referral),
    [queryClient],
  );
}

async function refreshReferral(queryClient: QueryClient, referral: { id: string; caseId: string }) {
  void queryClient.invalidateQueries({ queryKey: referralsKeys.lists });
  void queryClient.invalidateQueries({ queryKey: referralsKeys.dashboard });
  void queryClient.invalidateQueries({ queryKey: referralsKeys.ofCase(referral.caseId) });
  // An accepted transfer moves the case (and its person) to the receiving office.
  void queryClient.invalidateQueries({ queryKey: casesKeys.all });
  await queryClient.invalidateQueries({ queryKey: referralsKeys.detail(referral.id) });
}

// ---- partners without accounts ------------------------------------------------------------------

/**
 * A partner's answer or message. Partners have no session; but when someone signed in to Passerelle opens
 * the link in the same browser, the server asks for that session's CSRF token: fetch it once and retry.
 */
/** Partner routes ignore any staff session (the link's token is the credential): no CSRF token involved. */
function partnerPost(path: string, body: unknown): Promise<undefined> {
  return api.post(path, body);
}

export function fetchPartnerView(token: string, signal?: AbortSignal) {
  return api.get(partnerPath(token), PartnerViewSchema, undefined, signal);
}

export function partnerAccept(token: string) {
  return partnerPost(`${partnerPath(token)}/accept`, {});
}

export function partnerDecline(token: string, reason: string) {
  return partnerPost(`${partnerPath(token)}/decline`, { reason });
}

export function partnerMessage(token: string, body: string) {
  return partnerPost(`${partnerPath(token)}/messages`, { body });
}
