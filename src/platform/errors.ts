/**
 * Typed application errors. Each carries a stable `code` (clients switch on it) and an HTTP status;
 * the human message is looked up per request language in `i18n/messages.ts`, never built here.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  malformed_json: 400,
  unsupported_media_type: 415,
  body_too_large: 413,
  request_header_too_large: 431,
  request_timeout: 408,
  malformed_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  session_expired: 401,
  forbidden: 403,
  restricted_field: 403,
  password_change_required: 403,
  csrf_failed: 403,
  not_found: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  version_conflict: 409,
  email_taken: 409,
  office_code_taken: 409,
  last_administrator: 409,
  cannot_change_own_access: 409,
  membership_change_pending: 409,
  membership_change_not_pending: 409,
  membership_change_stale: 409,
  second_administrator_required: 403,
  office_inactive: 422,
  consent_already_withdrawn: 409,
  transition_not_allowed: 422,
  transition_requirements: 422,
  approval_pending: 409,
  no_pending_approval: 409,
  case_closed: 409,
  case_not_closed: 409,
  assignee_not_in_office: 422,
  merge_same_person: 422,
  merge_not_possible: 409,
  unmerge_not_possible: 409,
  referral_same_office: 422,
  referral_case_closed: 409,
  referral_consent_required: 422,
  referral_consent_not_covering: 422,
  referral_not_pending: 409,
  referral_transfer_pending: 409,
  referral_other_open_cases: 409,
  referral_not_revocable: 409,
  partner_link_invalid: 404,
  partner_link_expired: 410,
  budget_line_exceeded: 422,
  allowance_exceeded: 422,
  delivery_exceeds_approved: 422,
  item_not_approved: 422,
  plan_not_editable: 409,
  plan_not_submitted: 409,
  plan_empty: 422,
  case_not_in_reintegration: 422,
  exchange_rate_missing: 422,
  budget_line_code_taken: 409,
  opening_closed: 409,
  opening_full: 409,
  follow_up_not_due: 422,
  follow_up_not_applicable: 409,
  attachment_too_large: 413,
  attachment_type: 415,
  attachment_content: 415,
  wrong_password: 422,
  password_unchanged: 422,
  too_many_attempts: 429,
  too_many_requests: 429,
  no_reporting_period: 409,
  period_closed: 409,
  period_overlap: 409,
  period_values_pending: 409,
  indicator_computed: 422,
  definition_unknown: 422,
  definition_unavailable: 422,
  breakdown_not_supported: 422,
  framework_code_taken: 409,
  framework_node_in_use: 409,
  framework_parent_invalid: 422,
  manual_value_not_submitted: 409,
  export_not_ready: 409,
  export_expired: 410,
  transition_via_action: 422,
  household_member_elsewhere: 409,
  resettlement_reference_taken: 409,
  household_not_referred: 409,
  household_split_minor_alone: 422,
  household_split_invalid: 422,
  household_merge_not_possible: 409,
  household_locked: 409,
  resettlement_not_submitted: 409,
  batch_not_open: 409,
  batch_empty: 422,
  batch_household_not_ready: 422,
  household_in_other_batch: 409,
  movement_not_planned: 409,
  movement_validity: 422,
  movement_over_capacity: 409,
  movement_escort_required: 422,
  boarding_not_open: 409,
  household_boarding_mixed: 422,
  movement_not_departed: 409,
  handover_not_arrived: 409,
  booking_not_active: 409,
  movement_has_bookings: 409,
  reception_not_booked: 409,
  reception_not_arrived: 409,
  reception_already_confirmed: 409,
  merge_resettlement_households: 409,
  merge_resettlement_booked: 409,
  internal_error: 500,
  service_unavailable: 503,
  server_busy: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldError = { path: string; code: string; message: string };

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly options: {
      /** Values interpolated into the localised message. */
      params?: Record<string, string | number>;
      fields?: FieldError[];
      /** For 409 version conflicts: the record as it is now, so the client can show what changed. */
      current?: unknown;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(code);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');
export const versionConflict = (current: unknown) => new AppError('version_conflict', { current });
