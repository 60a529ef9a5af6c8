import { describe, expectTypeOf, it } from 'vitest';
import type { SiteSource } from '../../site/source';
import { siteSource } from './site-source';

describe('siteSource', () => {
  it('is the site’s source (checked by the compiler)', () => {
    expectTypeOf(siteSource).returns.toExtend<SiteSource>();
  });
});
