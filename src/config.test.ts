import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the embedded database with demo data on 127.0.0.1:8080', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      databaseUrl: undefined,
      demo: true,
      demoPassword: 'demo-passerelle',
    });
    expect(c.dataDir).toBe(path.resolve('./data'));
  });

  it('never loads demo data on PostgreSQL unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', PASSERELLE_DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({ PASSERELLE_DEMO: 'false' }).demo).toBe(false);
  });

  it('sets Secure cookies in production', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).cookieSecure).toBe(true);
    expect(loadConfig({}).cookieSecure).toBe(false);
  });

  it("takes the public site's origin, and nothing but an http(s) origin", () => {
    expect(loadConfig({}).publicBaseUrl).toBeUndefined();
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://www.example.org/' }).publicBaseUrl).toBe(
      'https://www.example.org',
    );
    expect(loadConfig({ PUBLIC_BASE_URL: 'http://localhost:8080' }).publicBaseUrl).toBe(
      'http://localhost:8080',
    );
    for (const bad of [
      'www.example.org',
      'ftp://example.org',
      'https://example.org/site',
      'javascript:alert(1)',
    ])
      expect(() => loadConfig({ PUBLIC_BASE_URL: bad })).toThrow(/PUBLIC_BASE_URL/);
  });

  it('refuses invalid settings with every problem named', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/DATABASE_URL/);
    }
  });
});
