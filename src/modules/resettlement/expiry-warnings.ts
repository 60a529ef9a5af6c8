/**
 * The expiry warning job: a task on the household's case ahead of each fitness-to-travel, exit permit or
 * visa validity that ends within the warning days, and one (due today) when a validity ends before the
 * booked movement. Idempotent: a task per record and kind of warning, never two (across runs and servers).
 */
import type { Ctx } from '../../platform/actor';
import { type Lang, validationMessage } from '../../platform/i18n';
import { ensureSystemTask } from '../cases';
import { addDays } from './expiry';
import * as repo from './repository';

const TITLES: Record<Lang, Record<string, string>> = {
  fr: { fitToTravel: 'Aptitude au voyage', exit_permit: 'Autorisation de sortie', visa: 'Visa' },
  en: { fitToTravel: 'Fitness to travel', exit_permit: 'Exit permit', visa: 'Visa' },
};

export async function warnExpiries(ctx: Ctx, options: { warningDays: number }): Promise<number> {
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const horizon = addDays(today, options.warningDays);
  // Validities ending within the horizon, or (for booked households) before their movement's end.
  const rows = await repo.validitiesEndingBy(ctx.db, addDays(today, 366));
  const bookings = await repo.activeBookingsOf(ctx.db, [...new Set(rows.map((r) => r.caseRow.id))]);
  let made = 0;
  await ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    for (const r of rows) {
      const lang = ctx.lang;
      const what = TITLES[lang][r.kind] ?? r.kind;
      const name = `${r.givenName} ${r.familyName}`;
      const booking = bookings.find((b) => b.booking.caseId === r.caseRow.id);
      const flight = booking?.movement;
      const needed = flight ? (r.kind === 'exit_permit' ? flight.departureDate : flight.arrivalDate) : null;
      if (flight && needed && r.validUntil < needed) {
        const title = `${what} — ${name}: ${validationMessage(lang, 'validity_before_flight', { date: r.validUntil, flightDate: flight.departureDate })} (${flight.reference})`;
        if (
          await ensureSystemTask(inTx, {
            caseId: r.caseRow.id,
            officeId: r.caseRow.owningOfficeId,
            key: `rst-blocked:${booking.booking.id}:${r.recordId}`,
            title: title.slice(0, 300),
            dueDate: today,
            assigneeId: r.caseRow.assignedTo,
          })
        )
          made++;
        continue;
      }
      if (r.validUntil < today || r.validUntil > horizon) continue;
      const title = `${what} — ${name}: ${validationMessage(lang, 'validity_expires_on', { date: r.validUntil })}`;
      if (
        await ensureSystemTask(inTx, {
          caseId: r.caseRow.id,
          officeId: r.caseRow.owningOfficeId,
          key: `rst-expiry:${r.recordId}`,
          title: title.slice(0, 300),
          // A week before it ends, or today when that is already past.
          dueDate: [addDays(r.validUntil, -7), today].sort()[1] ?? today,
          assigneeId: r.caseRow.assignedTo,
        })
      )
        made++;
    }
  });
  return made;
}
