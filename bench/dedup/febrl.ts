/**
 * FEBRL sanity check: the public synthetic record-linkage files (English-speaking names, typos), read from
 * ../shared/data/febrl relative to the repository root. Only names and birth dates are used.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { MatchPerson } from '../../src/modules/registry/matching';
import { dedupPopulation } from '../../src/modules/registry/matching/dedup';
import { accuracy } from './metrics';

export const FEBRL_DIR = path.resolve(import.meta.dirname, '../../../shared/data/febrl');

const DATASETS: Record<string, string[]> = {
  dataset1: ['dataset1.csv'],
  dataset2: ['dataset2.csv'],
  dataset3: ['dataset3.csv'],
  dataset4: ['dataset4a.csv', 'dataset4b.csv'],
};

function readRecords(files: string[]): { persons: MatchPerson[]; clusterOf: Int32Array } {
  const persons: MatchPerson[] = [];
  const clusters: number[] = [];
  for (const file of files) {
    const lines = fs.readFileSync(path.join(FEBRL_DIR, file), 'utf8').split('\n').slice(1);
    for (const line of lines) {
      if (!line.trim()) continue;
      const [recId = '', given = '', surname = '', , , , , , , dob = ''] = line
        .split(',')
        .map((f) => f.trim());
      const match = /^rec-(\d+)-/.exec(recId);
      if (!match) continue;
      const birth = /^(\d{4})(\d{2})(\d{2})$/.exec(dob);
      persons.push({
        id: `${file}:${recId}`,
        names: [{ given: given || null, family: surname || null }],
        birthDate: birth ? `${birth[1]}-${birth[2]}-${birth[3]}` : null,
        birthPrecision: 'day',
      });
      clusters.push(Number(match[1]));
    }
  }
  return { persons, clusterOf: Int32Array.from(clusters) };
}

export async function febrlCheck(): Promise<Record<string, unknown>> {
  if (!fs.existsSync(FEBRL_DIR)) return { skipped: `FEBRL files not found at ${FEBRL_DIR}` };
  const results: Record<string, unknown> = {};
  for (const [name, files] of Object.entries(DATASETS)) {
    if (!files.every((file) => fs.existsSync(path.join(FEBRL_DIR, file)))) {
      results[name] = { skipped: 'file missing' };
      continue;
    }
    const { persons, clusterOf } = readRecords(files);
    const run = await dedupPopulation(persons);
    const { householdFalsePositives: _, ...measured } = accuracy(run, clusterOf);
    results[name] = { records: persons.length, ...measured };
  }
  return results;
}
