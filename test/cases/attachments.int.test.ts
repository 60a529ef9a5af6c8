import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditAfter, expectJson, lastAuditSeq } from '../api/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { registerPerson, signIn } from '../registry/helpers';
import { type CaseDetailBody, getCase, openCase } from './helpers';

function multipart(fileName: string, contentType: string, content: Buffer) {
  const boundary = '----passerelle-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1500, 0x41)]);

let t: TestApp;
let sessions: Awaited<ReturnType<typeof signIn<'cw@x.test' | 'tirana@x.test'>>>;
let kase: CaseDetailBody;
let PAR: string;

beforeAll(async () => {
  t = await createTestApp({ config: { ATTACHMENT_MAX_BYTES: '4096' } });
  PAR = await t.office('PAR');
  await t.user('cw@x.test', [['PAR', 'caseworker']]);
  await t.user('tirana@x.test', [['TIR', 'caseworker']]);
  sessions = await signIn(t, ['cw@x.test', 'tirana@x.test'] as const);
  const person = await registerPerson(sessions.as('cw@x.test'), PAR, {
    givenName: 'Arta',
    familyName: 'Hoxha',
  });
  kase = await openCase(sessions.as('cw@x.test'), { personId: person.id, officeId: PAR });
});
afterAll(() => t.close());

const storedFiles = () => {
  const root = path.join(t.config.dataDir, 'attachments');
  return fs.existsSync(root)
    ? fs
        .readdirSync(root, { recursive: true })
        .filter((f) => fs.statSync(path.join(root, String(f))).isFile())
    : [];
};

describe('case attachments', () => {
  it('stores an accepted file, lists it on the case and serves it back, auditing both', async () => {
    const seq = await lastAuditSeq(t.db);
    const upload = multipart('déclaration signée.pdf', 'application/pdf', PDF);
    const created = expectJson<{ id: string; fileName: string; sizeBytes: number }>(
      await sessions
        .as('cw@x.test')
        .inject({ method: 'POST', url: `/api/cases/${kase.id}/attachments`, ...upload }),
      201,
    );
    expect(created).toMatchObject({ fileName: 'déclaration signée.pdf', sizeBytes: PDF.length });
    expect((await getCase(sessions.as('cw@x.test'), kase.id)).attachments.map((a) => a.id)).toEqual([
      created.id,
    ]);

    const download = await sessions
      .as('cw@x.test')
      .inject({ method: 'GET', url: `/api/cases/${kase.id}/attachments/${created.id}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain(
      "filename*=UTF-8''d%C3%A9claration%20sign%C3%A9e.pdf",
    );
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect((await auditAfter(t.db, seq)).map((e) => e.action)).toEqual([
      'case.attachment_added',
      'case.attachment_downloaded',
    ]);
  });

  it('refuses types outside the list and names that do not match their type, keeping nothing', async () => {
    const before = storedFiles().length;
    for (const [name, type] of [
      ['tool.exe', 'application/x-msdownload'],
      ['page.html', 'text/html'],
      ['fake.pdf.exe', 'application/pdf'],
    ] as const) {
      const response = await sessions
        .as('cw@x.test')
        .inject({ method: 'POST', url: `/api/cases/${kase.id}/attachments`, ...multipart(name, type, PDF) });
      expect(response.statusCode, name).toBe(415);
      expect(response.json().code).toBe('attachment_type');
    }
    expect(storedFiles().length).toBe(before);
  });

  it('checks the bytes against the declared type: a renamed file is refused, keeping nothing', async () => {
    const before = storedFiles().length;
    const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(600, 0x41)]);
    const PNG = Buffer.from(
      '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
        '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
      'hex',
    );
    for (const [name, type, content] of [
      ['scan.pdf', 'application/pdf', EXE],
      ['photo.jpg', 'image/jpeg', PNG],
      ['notes.txt', 'text/plain', EXE],
      ['lettre.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', PDF],
      ['tableau.xls', 'application/vnd.ms-excel', PDF],
    ] as const) {
      const upload = multipart(name, type, content);
      const response = await sessions.as('cw@x.test').inject({
        method: 'POST',
        url: `/api/cases/${kase.id}/attachments`,
        payload: upload.payload,
        headers: { ...upload.headers, 'accept-language': 'en' },
      });
      expect(response.statusCode, name).toBe(415);
      expect(response.json()).toMatchObject({ code: 'attachment_content' });
      expect(response.json().detail).toContain(name.slice(name.lastIndexOf('.')));
    }
    expect(storedFiles().length).toBe(before);
    // What the bytes say it is, it may be.
    for (const [name, type, content] of [
      ['photo.png', 'image/png', PNG],
      ['compte-rendu.txt', 'text/plain', Buffer.from('Entretien du 3 mars : la famille est d’accord.\n')],
    ] as const) {
      const response = await sessions.as('cw@x.test').inject({
        method: 'POST',
        url: `/api/cases/${kase.id}/attachments`,
        ...multipart(name, type, content),
      });
      expect(response.statusCode, `${name} ${response.body}`).toBe(201);
    }
  });

  it('drops bidirectional overrides from file names, so "…\u202Efdp.exe" cannot pose as a PDF', async () => {
    const response = await sessions.as('cw@x.test').inject({
      method: 'POST',
      url: `/api/cases/${kase.id}/attachments`,
      ...multipart('facture\u202Eexe.pdf', 'application/pdf', PDF),
    });
    expect(expectJson<{ fileName: string }>(response, 201).fileName).toBe('factureexe.pdf');
  });

  it('refuses a file over the size limit with 413, leaving no file behind', async () => {
    const before = storedFiles().length;
    const response = await sessions.as('cw@x.test').inject({
      method: 'POST',
      url: `/api/cases/${kase.id}/attachments`,
      ...multipart('big.pdf', 'application/pdf', Buffer.alloc(10_000, 1)),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('attachment_too_large');
    expect(storedFiles().length).toBe(before);
  });

  it('answers 404 to another office, for upload and download', async () => {
    const [attachment] = (await getCase(sessions.as('cw@x.test'), kase.id)).attachments;
    const tirana = sessions.as('tirana@x.test');
    expect(
      (
        await tirana.inject({
          method: 'POST',
          url: `/api/cases/${kase.id}/attachments`,
          ...multipart('a.pdf', 'application/pdf', PDF),
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await tirana.inject({ method: 'GET', url: `/api/cases/${kase.id}/attachments/${attachment?.id}` }))
        .statusCode,
    ).toBe(404);
  });

  it('refuses a JSON body on the upload route', async () => {
    const response = await sessions
      .as('cw@x.test')
      .inject({ method: 'POST', url: `/api/cases/${kase.id}/attachments`, payload: { file: 'x' } });
    expect(response.statusCode).toBe(415);
  });
});
