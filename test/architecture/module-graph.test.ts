import { describe, expect, it } from 'vitest';
import { findCycle, moduleGraph } from '../../scripts/module-graph';

const graphOf = (edges: Record<string, string[]>) =>
  new Map(Object.entries(edges).map(([k, v]) => [k, new Set(v)]));

describe('the module graph', () => {
  it('collapses a cruise to modules, without self-edges', () => {
    const graph = moduleGraph({
      modules: [
        {
          source: 'src/modules/cases/',
          dependencies: [{ resolved: 'src/modules/registry/' }, { resolved: 'src/modules/cases/' }],
        },
        { source: 'src/modules/registry/', dependencies: [] },
      ],
    });
    expect(graph).toEqual(graphOf({ cases: ['registry'], registry: [] }));
  });

  it('finds no cycle in layers', () => {
    expect(
      findCycle(
        graphOf({
          referrals: ['cases', 'registry'],
          cases: ['registry'],
          registry: ['identity'],
          identity: [],
        }),
      ),
    ).toBeNull();
  });

  it('names the modules of a cycle, however long', () => {
    expect(findCycle(graphOf({ cases: ['registry'], registry: ['cases'] }))).toEqual([
      'cases',
      'registry',
      'cases',
    ]);
    expect(findCycle(graphOf({ a: ['b'], b: ['c'], c: ['d'], d: ['b'] }))).toEqual(['b', 'c', 'd', 'b']);
  });
});
