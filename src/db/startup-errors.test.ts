import { describe, expect, it } from 'vitest';
import { describeDatabaseError, redactedUrl } from './startup-errors';

const URL = 'postgres://passerelle:s3cr3t-pa55@db.example.org:6543/passerelle';
const wrapped = (code: string, message = 'boom') => {
  const driver = Object.assign(new Error(message), { code });
  // How the ORM reports it: a failed query whose cause is the driver's error.
  return new Error('Failed query: CREATE SCHEMA IF NOT EXISTS "drizzle"', { cause: driver });
};

describe('describeDatabaseError', () => {
  it.each([
    ['ECONNREFUSED', /connect to PostgreSQL at db\.example\.org:6543: the connection was refused/],
    ['ENOTFOUND', /host "db\.example\.org" is not known/],
    ['ETIMEDOUT', /db\.example\.org:6543: no answer/],
    ['28P01', /refused the password of user "passerelle"/],
    ['28000', /does not let user "passerelle" connect to "passerelle"/],
    ['3D000', /database "passerelle" does not exist/],
    ['42501', /may not create what Passerelle needs/],
    ['58P01', /lacks an extension/],
    ['53300', /no free connection/],
  ])('names the cause of %s in at most two lines, without the password', (code, expected) => {
    const message = describeDatabaseError(wrapped(code), URL);
    expect(message).toMatch(expected);
    expect(message?.split('\n').length).toBeLessThanOrEqual(2);
    expect(message).not.toContain('s3cr3t-pa55');
    expect(message).not.toMatch(/CREATE SCHEMA/);
  });

  it('finds the cause inside an AggregateError (IPv4 and IPv6 both refused)', () => {
    const aggregate = Object.assign(
      new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]),
      {
        code: 'ECONNREFUSED',
      },
    );
    expect(describeDatabaseError(aggregate, URL)).toMatch(/refused/);
  });

  it('leaves other errors (bugs) to be printed whole', () => {
    expect(describeDatabaseError(new TypeError('x is undefined'), URL)).toBeUndefined();
  });
});

describe('redactedUrl', () => {
  it('drops the password and keeps the rest', () => {
    expect(redactedUrl(URL)).toBe('postgres://passerelle@db.example.org:6543/passerelle');
    expect(redactedUrl('not a url')).not.toContain('not a url');
  });
});
