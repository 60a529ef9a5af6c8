/**
 * Browser-journey harness: the real server (API + built web app on one port) on a fresh, demo-seeded
 * PGlite database, Debian's Chromium driven by playwright-core, and helpers the journeys share:
 * sign-in, axe checks, and a watch on every page for uncaught errors and CSP violations.
 */

import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { expect, inject } from 'vitest';
import { type Database, fromPglite } from '../../src/db/client';
import { RemotePGlite } from '../../src/db/pglite-remote';
import { identityRepository } from '../../src/modules/identity';
import type { ActorCtx } from '../../src/platform/actor';
import { systemClock } from '../../src/platform/clock';
import { buildApp } from '../../src/server/app';
import { wireReactions } from '../../src/server/reactions';
import { testConfig } from '../harness/app';
import { CHROMIUM_ARGS, chromiumPath } from '../harness/chromium';

import { DEMO_PASSWORD } from '../harness/global-e2e';

export { DEMO_PASSWORD };
export const ADMIN = 'admin@passerelle.test';
export const TIRANA_CASEWORKER = 'caseworker.tirana@passerelle.test';
export const DPO = 'dpo@passerelle.test';

/** Generous enough for a loaded CI machine, short enough that a broken journey fails quickly. */
const ACTION_TIMEOUT_MS = 10_000;

export interface E2EServer {
  baseUrl: string;
  database: Database;
  close(): Promise<void>;
}

/**
 * The real server in-process on 127.0.0.1 (a free port), on a fresh database with the demo data: a copy of
 * the demo loaded once for the run (global-e2e.ts), in its own thread as the server runs it.
 */
export async function startServer(): Promise<E2EServer> {
  const blob = new Blob([fs.readFileSync(inject('demoTemplate'))]);
  const database = fromPglite(await RemotePGlite.open({ loadDataDir: blob }));
  const config = testConfig();
  // The demo's attachments (referral documents, decision letters...) beside its database.
  fs.cpSync(inject('demoDataDir'), config.dataDir, { recursive: true });
  const app = await buildApp({ database, config, clock: systemClock, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found (apt-get install chromium, or set CHROMIUM_PATH)');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/**
 * Everything a journey file needs: the server, one browser, and fresh browser contexts (one per
 * person), each page watched for uncaught errors and Content-Security-Policy violations.
 */
export interface E2E {
  baseUrl: string;
  database: Database;
  browser: Browser;
  /** A new browser context (its own cookies and storage) and a page in it. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Fails if any page reported an uncaught error or a CSP violation since the last call. */
  expectNoPageProblems(): void;
  close(): Promise<void>;
}

const CSP_MARKER = '[csp-violation]';

export async function setupE2E(): Promise<E2E> {
  const server = await startServer();
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  let problems: string[] = [];

  const watch = (page: Page) => {
    page.on('pageerror', (error) => problems.push(`uncaught error on ${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      const text = message.text();
      if (text.includes(CSP_MARKER) || /Content Security Policy/i.test(text)) {
        problems.push(`CSP violation on ${page.url()}: ${text}`);
      }
    });
  };

  return {
    baseUrl: server.baseUrl,
    database: server.database,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        baseURL: server.baseUrl,
        locale: 'fr-FR',
        timezoneId: 'Europe/Paris',
        viewport: { width: 1280, height: 900 },
        ...options,
      });
      context.setDefaultTimeout(ACTION_TIMEOUT_MS);
      context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
      // The page's own report of each violation, with the script and line that caused it.
      await context.addInitScript((marker) => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(
            `${marker} ${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
          );
        });
      }, CSP_MARKER);
      context.on('page', watch);
      contexts.push(context);
      const page = await context.newPage();
      return page;
    },
    expectNoPageProblems() {
      const found = problems;
      problems = [];
      expect(found, 'uncaught page errors or CSP violations').toEqual([]);
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The use-case context of a demo account, with its memberships as a signed-in request would have them:
 * for preparing a journey's records through the domain use cases.
 */
export async function actingAs(database: Database, email: string): Promise<ActorCtx> {
  const db = database.db;
  const user = await identityRepository.findUserByEmail(db, email);
  if (!user) throw new Error(`no demo account ${email}`);
  const memberships = (await identityRepository.membershipsOf(db, [user.id])).get(user.id) ?? [];
  return {
    db,
    clock: systemClock,
    actor: {
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      memberships: memberships.map((m) => ({ officeId: m.officeId, role: m.role })),
    },
    requestId: null,
    ip: null,
    lang: 'fr',
    reactions: wireReactions(),
  };
}

/** Signs in through the sign-in page (in any language) and waits for the first signed-in page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/login')) await page.goto('/login');
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.locator('#main-content h1').first().waitFor();
}

/** Signs out through the user menu and waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.locator('header button[aria-haspopup="menu"]').click();
  await page.getByRole('menuitem', { name: /Se déconnecter|Sign out/ }).click();
  await page.waitForURL((url) => url.pathname === '/login');
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page as it is now; fails listing every serious or critical violation that stays. */
export async function expectNoSeriousAxeViolations(page: Page, label = page.url()): Promise<void> {
  const seriousNow = async () =>
    (await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
  let serious = await seriousNow();
  if (serious.length > 0) {
    // A dialog's overlay or a menu still fading in is measured half-transparent (a contrast of 1.2 between
    // two greys): what is really wrong is still there a moment later.
    await page.waitForTimeout(800);
    serious = await seriousNow();
  }
  const report = serious.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ')}`)
        .join('\n'),
  );
  expect(report, `axe violations on ${label}`).toEqual([]);
}

/**
 * Waits until the page has settled: no request in flight, no loading state shown (role=status
 * "Chargement…"/"Loading…"), and no finite animation running (dialogs fade in; axe must not judge the
 * colours of a half-transparent dialog).
 */
export async function waitForIdle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle'); // after a full page load; client-side loads are covered below
  await page.waitForFunction(() => {
    const loading = [...document.querySelectorAll('[role=status]')].some((el) =>
      /^(Chargement|Loading)…$/.test(el.textContent?.trim() ?? ''),
    );
    const animating = document
      .getAnimations()
      .some((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity);
    return !loading && !animating;
  });
}

/**
 * Waits until every open dialog has finished fading in (content and overlay fully opaque). Mantine starts
 * a modal's transition a frame after mounting it, so `waitForIdle` can see no animation yet while the
 * dialog is still half transparent, and axe would judge its colours mid-fade.
 */
export async function waitForDialogs(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.mantine-Modal-content, .mantine-Modal-overlay')].every((el) => {
      const style = getComputedStyle(el);
      const settled = ['none', '', 'matrix(1, 0, 0, 1, 0, 0)'].includes(style.transform);
      return style.opacity === '1' && settled;
    }),
  );
  await waitForIdle(page);
}
