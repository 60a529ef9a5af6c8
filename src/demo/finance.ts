/**
 * Demo money: the projects' budget lines (EU-funded projects budget in euros; the origin offices also pay
 * some costs in local currency), the per-person reintegration allowances and the dated exchange rates the
 * plans and reports convert with. Amounts are minor units (src/platform/money.ts).
 */
import { CURRENCIES, type Currency } from '../platform/money';

export type DemoBudgetLine = {
  project: string;
  code: string;
  label: string;
  currency: Currency;
  amountMinor: number;
};

/** Major units to minor units of the currency (IQD has three decimals). */
export const minorOf = (major: number, currency: Currency) => Math.round(major * 10 ** CURRENCIES[currency]);

const line = (project: string, code: string, label: string, major: number, currency: Currency = 'EUR') => ({
  project,
  code,
  label,
  currency,
  amountMinor: minorOf(major, currency),
});

/**
 * Reintegration plans commit the grant, training, care, housing and legal lines (and the local-currency
 * ones); staff, trainings of authorities and the resettlement lines are spent outside plans.
 */
export const DEMO_BUDGET_LINES: DemoBudgetLine[] = [
  // CARE: 130 persons, 2013-09 to 2015-12.
  line('CARE', 'CARE-01', 'Staff: reintegration case management (origin countries)', 186_000),
  line('CARE', 'CARE-02', 'Reintegration grants: income-generating activities', 104_000),
  line('CARE', 'CARE-03', 'Vocational training and education', 39_000),
  line('CARE', 'CARE-04', 'Medical care and psychosocial support', 26_000),
  line('CARE', 'CARE-05', 'Housing, shelter and material assistance', 23_400),
  line('CARE', 'CARE-06', 'Legal aid and family tracing', 5_200),
  line('CARE', 'CARE-07', 'Monitoring visits in countries of origin', 18_500),
  line('CARE', 'CARE-08', 'Local payments, Albania (lek)', 2_100_000, 'ALL'),
  line('CARE', 'CARE-09', 'Local payments, Morocco (dirham)', 110_000, 'MAD'),
  line('CARE', 'CARE-10', 'Local payments, Ukraine (hryvnia)', 120_000, 'UAH'),
  // TACT: from 2015-05, returns to Albania, Morocco and Ukraine; trainings of the three countries' authorities.
  line('TACT', 'TACT-01', 'Staff: case management and transnational coordination', 228_000),
  line('TACT', 'TACT-02', 'Reintegration grants: income-generating activities', 96_000),
  line('TACT', 'TACT-03', 'Vocational training and education', 36_000),
  line('TACT', 'TACT-04', 'Medical care and psychosocial support', 24_000),
  line('TACT', 'TACT-05', 'Housing and emergency assistance', 14_500),
  line('TACT', 'TACT-06', 'Legal aid', 4_000),
  line('TACT', 'TACT-07', 'Trainings of authorities (Albania, Morocco, Ukraine)', 58_000),
  line('TACT', 'TACT-08', 'Transnational cooperation meetings', 21_500),
  line('TACT', 'TACT-09', 'Information materials and campaigns', 12_000),
  line('TACT', 'TACT-10', 'Local payments, Albania (lek)', 1_500_000, 'ALL'),
  line('TACT', 'TACT-11', 'Local payments, Morocco (dirham)', 120_000, 'MAD'),
  line('TACT', 'TACT-12', 'Local payments, Ukraine (hryvnia)', 300_000, 'UAH'),
  // MAGNET II: 300 persons from 2014-04, Kurdistan Region of Iraq.
  line('MAGNET2', 'MAG-01', 'Staff: job counsellors and employer liaison, Erbil', 214_000),
  line('MAGNET2', 'MAG-02', 'Vocational and on-the-job training', 150_000),
  line('MAGNET2', 'MAG-03', 'Business start-up grants', 210_000),
  line('MAGNET2', 'MAG-04', 'Wage subsidies to employers (dinar)', 260_000_000, 'IQD'),
  line('MAGNET2', 'MAG-05', 'Job-search support: transport, work clothing, certification', 54_000),
  line('MAGNET2', 'MAG-06', 'Labour-market assessment and employer outreach', 26_000),
  // Calais: protection and information, no reintegration plans.
  line('CALAIS', 'CAL-01', 'Staff: protection and information team in Calais', 96_000),
  line('CALAIS', 'CAL-02', 'Interpretation and outreach in the camp', 18_000),
  line('CALAIS', 'CAL-03', 'Information campaigns in countries of origin', 42_000),
  // Syrian resettlement: spent on processing and movement, not through reintegration plans.
  line('SYR-RST', 'RST-01', 'Staff: referral processing and case management', 142_000),
  line('SYR-RST', 'RST-02', 'Health assessments and medical escorts', 61_000),
  line('SYR-RST', 'RST-03', 'Pre-departure cultural orientation', 24_000),
  line('SYR-RST', 'RST-04', 'Movement: flights, transit and escorts', 268_000),
  line('SYR-RST', 'RST-05', 'Arrival and handover to reception services', 35_000),
];

/** The per-person reintegration allowance of a project (a tailored package of up to this amount). */
export const DEMO_ALLOWANCES: Record<string, { minor: number; currency: Currency }> = {
  CARE: { minor: minorOf(2_000, 'EUR'), currency: 'EUR' },
  MAGNET2: { minor: minorOf(2_500, 'EUR'), currency: 'EUR' },
};

export type DemoRate = { currency: Currency; rateDate: string; eurPerUnit: number };

/** Units of the currency for one euro on the day (rounded reference rates; the dinar at the official rate). */
const PER_EURO: Record<'ALL' | 'MAD' | 'UAH' | 'IQD', [string, number][]> = {
  ALL: [
    ['2013-09-02', 140.1],
    ['2014-01-02', 140.2],
    ['2014-07-01', 140.0],
    ['2015-01-02', 140.3],
    ['2015-07-01', 139.6],
    ['2016-01-04', 137.3],
    ['2016-06-01', 137.0],
  ],
  MAD: [
    ['2013-09-02', 11.12],
    ['2014-01-02', 11.24],
    ['2014-07-01', 11.19],
    ['2015-01-02', 10.9],
    ['2015-07-01', 10.93],
    ['2016-01-04', 10.85],
    ['2016-06-01', 10.93],
  ],
  // The hryvnia lost more than half its value in 2014–2015.
  UAH: [
    ['2013-09-02', 10.72],
    ['2014-01-02', 11.05],
    ['2014-03-03', 13.6],
    ['2014-07-01', 15.9],
    ['2015-01-02', 18.9],
    ['2015-03-02', 23.4],
    ['2015-07-01', 24.0],
    ['2016-01-04', 26.2],
    ['2016-04-01', 28.8],
    ['2016-06-01', 27.7],
  ],
  IQD: [
    ['2013-09-02', 1_551],
    ['2014-01-02', 1_597],
    ['2014-07-01', 1_586],
    ['2015-01-02', 1_400],
    ['2015-07-01', 1_300],
    ['2016-01-04', 1_288],
    ['2016-06-01', 1_336],
  ],
};

export const DEMO_EXCHANGE_RATES: DemoRate[] = Object.entries(PER_EURO).flatMap(([currency, points]) =>
  points.map(([rateDate, perEuro]) => ({
    currency: currency as Currency,
    rateDate,
    eurPerUnit: Number((1 / perEuro).toPrecision(6)),
  })),
);

/** The rate in force on a day, as the finance module reads it: the latest on or before it. */
export function eurPerUnitOn(currency: Currency, day: string): number | undefined {
  if (currency === 'EUR') return 1;
  let best: DemoRate | undefined;
  for (const r of DEMO_EXCHANGE_RATES)
    if (r.currency === currency && r.rateDate <= day && (!best || r.rateDate > best.rateDate)) best = r;
  return best?.eurPerUnit;
}

/** Euro cents of an amount on a day (finance convertOn, with the euro as pivot). */
export function eurCentsOn(minor: number, currency: Currency, day: string): number {
  const rate = eurPerUnitOn(currency, day);
  if (rate === undefined) throw new Error(`no demo rate for ${currency} on ${day}`);
  return Math.round((minor / 10 ** CURRENCIES[currency]) * rate * 100);
}
