/**
 * Persons in compact columns (typed arrays, name parts by number), for comparing millions of pairs
 * without allocating. comparePersons builds a two-row table; the batch builds one for the population.
 */
import { PartRegistry } from './parts';
import type { BirthPrecision, MatchPerson, Sex } from './types';

/** Birth-date precision codes: nothing known, year, year and month, full date. */
export const PRECISION = { none: 0, year: 1, month: 2, day: 3 } as const;
export const SEX_CODE: Record<Sex, number> = { unknown: 0, other: 0, female: 1, male: 2 };

const PRECISION_CODE: Record<BirthPrecision, number> = {
  day: PRECISION.day,
  exact: PRECISION.day,
  month: PRECISION.month,
  year: PRECISION.year,
  estimated: PRECISION.year,
};

/** A copy of a typed array in shared memory, so that worker threads read it without copying. */
export function shared<T extends Int32Array | Float64Array>(array: T): T {
  const Type = array.constructor as { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number };
  const copy = new Type(new SharedArrayBuffer(array.length * Type.BYTES_PER_ELEMENT));
  copy.set(array);
  return copy;
}

/** An Int32 column that grows as rows are appended. */
class Column {
  data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  done(): Int32Array {
    return shared(this.data.subarray(0, this.length));
  }
}

export type BirthDate = { year: number; month: number; day: number; precision: number; placeholder: boolean };

/** YYYY-MM-DD (or YYYY-MM, YYYY) with its precision; an unparseable date counts as missing. */
export function parseBirthDate(
  date: string | null | undefined,
  precision?: BirthPrecision | null,
): BirthDate {
  const none = { year: 0, month: 0, day: 0, precision: PRECISION.none, placeholder: false };
  const match = date ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date) : null;
  if (!match) return none;
  const year = Number(match[1]);
  const month = Number(match[2] ?? 0);
  const day = Number(match[3] ?? 0);
  if (year < 1850 || year > 2200 || month > 12 || day > 31) return none;
  let code = precision ? PRECISION_CODE[precision] : PRECISION.day;
  if (!month) code = PRECISION.year;
  else if (!day) code = Math.min(code, PRECISION.month);
  // 1 January is the usual stand-in for an unknown date: it says no more than the year.
  const placeholder = code === PRECISION.day && month === 1 && day === 1;
  return {
    year,
    month: code >= PRECISION.month ? month : 0,
    day: code === PRECISION.day ? day : 0,
    precision: code,
    placeholder,
  };
}

/** The columns of a table, as sent to a worker thread (typed arrays in shared memory). */
export type TableColumns = Pick<
  PersonTable,
  | 'variantOffset'
  | 'variantParts'
  | 'birthYear'
  | 'birthMonthDay'
  | 'birthPrecision'
  | 'birthPlaceholder'
  | 'sex'
  | 'nationality'
  | 'nationalityCodes'
  | 'place'
  | 'documentOffset'
  | 'documentIds'
  | 'documentKeys'
  | 'documentTypes'
> & { size: number };

export class PersonTable {
  readonly parts: PartRegistry;
  readonly ids: string[] = [];
  /** Name variants of person i: rows variantOffset[i] .. variantOffset[i+1]-1, three part ids each. */
  variantOffset: Int32Array = new Int32Array(1);
  variantParts: Int32Array = new Int32Array(0);
  birthYear: Int32Array = new Int32Array(0);
  /** month * 32 + day (0 when unknown), precision code, placeholder flag. */
  birthMonthDay: Int32Array = new Int32Array(0);
  birthPrecision: Int32Array = new Int32Array(0);
  birthPlaceholder: Int32Array = new Int32Array(0);
  sex: Int32Array = new Int32Array(0);
  nationality: Int32Array = new Int32Array(0);
  readonly nationalityCodes: string[] = [''];
  /** Place of origin: a part id (parts.ts PartRegistry.place), -1 when unknown. */
  place: Int32Array = new Int32Array(0);
  /** Documents of person i: documentIds[documentOffset[i] .. documentOffset[i+1]-1], ids into documentKeys. */
  documentOffset: Int32Array = new Int32Array(1);
  documentIds: Int32Array = new Int32Array(0);
  /** Distinct document keys (MatchDocument.key) and their types, by id. */
  documentKeys: string[] = [];
  documentTypes: string[] = [];

  constructor(parts = new PartRegistry()) {
    this.parts = parts;
  }

  private rows = 0;

  get size(): number {
    return this.rows;
  }

  columns(): TableColumns {
    const { variantOffset, variantParts, birthYear, birthMonthDay, birthPrecision, birthPlaceholder } = this;
    const { sex, nationality, nationalityCodes, place, size } = this;
    const { documentOffset, documentIds, documentKeys, documentTypes } = this;
    return {
      place,
      documentOffset,
      documentIds,
      documentKeys,
      documentTypes,
      variantOffset,
      variantParts,
      birthYear,
      birthMonthDay,
      birthPrecision,
      birthPlaceholder,
      sex,
      nationality,
      nationalityCodes,
      size,
    };
  }

  /** A table over columns built elsewhere (person ids are not carried). */
  static fromColumns(columns: TableColumns, parts: PartRegistry): PersonTable {
    const { size, nationalityCodes, ...arrays } = columns;
    const table = new PersonTable(parts);
    Object.assign(table, arrays);
    table.nationalityCodes.splice(0, table.nationalityCodes.length, ...nationalityCodes);
    table.rows = size;
    return table;
  }

  static build(persons: Iterable<MatchPerson>, parts?: PartRegistry): PersonTable {
    const table = new PersonTable(parts);
    const offsets = new Column();
    const variants = new Column();
    const documentOffsets = new Column();
    const documentIds = new Column();
    const documents = new Map<string, number>();
    documentOffsets.push(0);
    const columns = [
      new Column(),
      new Column(),
      new Column(),
      new Column(),
      new Column(),
      new Column(),
      new Column(),
    ] as const;
    const nationalities = new Map<string, number>();
    offsets.push(0);
    for (const person of persons) {
      table.ids.push(person.id);
      table.rows++;
      const seen = new Set<string>();
      for (const name of person.names) {
        const labelled = {
          given: table.parts.field(name.given),
          family: table.parts.field(name.family),
          father: table.parts.field(name.father),
        };
        for (const roles of [labelled, table.parts.full(name.full)]) {
          if (roles.given < 0 && roles.family < 0 && roles.father < 0) continue;
          const signature = `${roles.given},${roles.family},${roles.father}`;
          if (seen.has(signature)) continue;
          seen.add(signature);
          variants.push(roles.given);
          variants.push(roles.family);
          variants.push(roles.father);
        }
      }
      offsets.push(variants.length / 3);
      for (const document of person.documents ?? []) {
        let id = documents.get(document.key);
        if (id === undefined) {
          id = table.documentKeys.length;
          documents.set(document.key, id);
          table.documentKeys.push(document.key);
          table.documentTypes.push(document.type);
        }
        documentIds.push(id);
      }
      documentOffsets.push(documentIds.length);
      const birth = parseBirthDate(person.birthDate, person.birthPrecision);
      const nationality = person.nationality?.trim().toUpperCase();
      let code = 0;
      if (nationality) {
        code = nationalities.get(nationality) ?? table.nationalityCodes.length;
        if (code === table.nationalityCodes.length) {
          nationalities.set(nationality, code);
          table.nationalityCodes.push(nationality);
        }
      }
      columns[0].push(birth.year);
      columns[1].push(birth.month * 32 + birth.day);
      columns[2].push(birth.precision);
      columns[3].push(birth.placeholder ? 1 : 0);
      columns[4].push(SEX_CODE[person.sex ?? 'unknown'] ?? 0);
      columns[5].push(code);
      columns[6].push(table.parts.place(person.placeOfOrigin));
    }
    table.variantOffset = offsets.done();
    table.variantParts = variants.done();
    table.documentOffset = documentOffsets.done();
    table.documentIds = documentIds.done();
    [
      table.birthYear,
      table.birthMonthDay,
      table.birthPrecision,
      table.birthPlaceholder,
      table.sex,
      table.nationality,
      table.place,
    ] = columns.map((column) => column.done()) as [
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
    ];
    return table;
  }
}
