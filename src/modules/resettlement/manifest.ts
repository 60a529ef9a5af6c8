/**
 * A movement's manifest: who travels on which legs, names in Latin and original script, dates of birth,
 * travel documents and visas (masked unless the reader may reveal them and asks to), special needs codes
 * (never trafficking or medical ones), travel conditions (SSR codes) and escorts.
 */

import type { Db } from '../../db/client';
import type { FieldCipher } from '../../platform/field-crypto';
import type { Lang } from '../../platform/i18n';
import { isSensitiveNeed } from '../../platform/sensitivity';
import { isMedicalNeed } from './household-view';
import { currentPapersOf, manifestRows, travelDocumentsOf } from './manifest-repository';
import * as repo from './repository';

export type ManifestPassenger = {
  household: string;
  agencyReference: string;
  relationship: string;
  familyName: string;
  givenName: string;
  /** One script per cell: pdfkit does not reorder right-to-left text mixed with Latin. */
  nameOriginal: string;
  sex: string;
  birthDate: string;
  nationality: string;
  travelDocument: string;
  visa: string;
  needs: string;
  ssr: string;
  escort: string;
  boarding: string;
  seat: boolean;
};

export type Manifest = {
  lang: Lang;
  reference: string;
  destinationCountry: string;
  departureDate: string;
  status: string;
  numbersRevealed: boolean;
  legs: { flight: string; route: string; departsAt: string; arrivesAt: string }[];
  escorts: { name: string; kind: string; organisation: string; forHousehold: string }[];
  passengers: ManifestPassenger[];
  totals: { persons: number; seats: number; infants: number; escorts: number; households: number };
  printedAt: string;
};

const mask = (tail: string) => (tail ? `•••${tail}` : '');
/** A year-only date of birth is printed as the year: it is all that is known. */
const birth = (date: string | null, precision: string) =>
  !date
    ? ''
    : precision === 'year' || precision === 'estimated'
      ? date.slice(0, 4)
      : precision === 'month'
        ? date.slice(0, 7)
        : date;

export async function manifestOf(
  db: Db,
  cipher: FieldCipher,
  movement: repo.MovementRow,
  options: { reveal: boolean; lang: Lang; now: Date },
): Promise<Manifest> {
  const [rows, legs, escorts, bookings] = await Promise.all([
    manifestRows(db, movement.id),
    repo.legsOf(db, movement.id),
    repo.escortsOf(db, movement.id),
    repo.bookingsOf(db, movement.id),
  ]);
  const caseIds = [...new Set(rows.map((r) => r.caseId))];
  const [{ papers, health }, documents] = await Promise.all([
    currentPapersOf(db, caseIds),
    travelDocumentsOf(
      db,
      rows.map((r) => r.person.id),
    ),
  ]);
  const number = (sealed: string, tail: string) => (options.reveal ? cipher.decrypt(sealed) : mask(tail));
  const refOf = new Map(bookings.map((b) => [b.booking.caseId, b.caseReference]));
  const passengers = rows.map((r): ManifestPassenger => {
    const p = r.person;
    const doc =
      documents.find(
        (d) => d.personId === p.id && ['passport', 'laissez_passer', 'refugee_card'].includes(d.type),
      ) ?? documents.find((d) => d.personId === p.id);
    const visa = papers.find((c) => c.personId === p.id && c.caseId === r.caseId && c.kind === 'visa');
    const conditions =
      health.find((h) => h.personId === p.id && h.caseId === r.caseId)?.travelConditions ?? [];
    const escort = escorts
      .filter((e) => e.forCaseId === r.caseId)
      .map((e) => e.name)
      .join(', ');
    return {
      household: r.caseReference,
      agencyReference: r.agencyReference ?? '',
      relationship: r.relationship ?? '',
      familyName: p.familyName.toUpperCase(),
      givenName: p.givenName,
      nameOriginal: [p.givenNameOriginal, p.familyNameOriginal].filter(Boolean).join(' '),
      sex: p.sex === 'female' ? 'F' : p.sex === 'male' ? 'M' : 'X',
      birthDate: birth(p.birthDate, p.birthDatePrecision),
      nationality: p.nationalities.join(' '),
      travelDocument: doc ? `${doc.type} ${number(doc.numberSealed, doc.numberTail)}` : '',
      visa: visa ? number(visa.numberSealed, visa.numberTail) : '',
      // Trafficking and medical codes never leave on a manifest; the travel conditions say what the flight needs.
      needs: p.specificNeeds.filter((c) => !isSensitiveNeed(c) && !isMedicalNeed(c)).join(' '),
      ssr: conditions.join(' '),
      escort,
      boarding: r.passenger.boarding,
      seat: r.passenger.seatRequired,
    };
  });
  return {
    lang: options.lang,
    reference: movement.reference,
    destinationCountry: movement.destinationCountry,
    departureDate: movement.departureDate,
    status: movement.status,
    numbersRevealed: options.reveal,
    legs: legs.map((l) => ({
      flight: `${l.flightNumber} (${l.carrier})`,
      route: `${l.fromAirport} → ${l.toAirport}`,
      departsAt: l.departsAt.toISOString().slice(0, 16).replace('T', ' '),
      arrivesAt: l.arrivesAt.toISOString().slice(0, 16).replace('T', ' '),
    })),
    escorts: escorts.map((e) => ({
      name: e.name,
      kind: e.kind,
      organisation: e.organisation ?? '',
      forHousehold: e.forCaseId ? (refOf.get(e.forCaseId) ?? '') : '',
    })),
    passengers,
    totals: {
      persons: passengers.length,
      seats: passengers.filter((p) => p.seat).length + escorts.length,
      infants: passengers.filter((p) => !p.seat).length,
      escorts: escorts.length,
      households: caseIds.length,
    },
    printedAt: options.now.toISOString(),
  };
}
