/** Where a household is in its workflow, as the rules of this module read it. */

/** Stages at which the household's members and records may still change (before it is booked). */
export const BEFORE_BOOKING = [
  'identification',
  'verification',
  'interview',
  'submission',
  'decision',
  'health_assessment',
  'pre_departure_orientation',
  'exit_permits',
] as const;

export const isBeforeBooking = (status: string): boolean =>
  (BEFORE_BOOKING as readonly string[]).includes(status);

/** Every action of RESETTLEMENT_WORKFLOW is one of this module's (a unit test holds them together). */
export const RESETTLEMENT_ACTIONS = [
  'record_referral',
  'submit_batch',
  'decide',
  'clear_health',
  'complete_orientation',
  'book',
  'unbook',
  'board',
  'arrive',
  'hand_over',
  'merge',
] as const;
