import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../../../src/platform/audit/actions';
import { i18n, initI18n } from '../../i18n';
import { AUDIT_RECORD_TYPES, auditActionLabel, auditRecordTypeLabel } from './labels';

initI18n('fr');
const languages = ['fr', 'en'] as const;

describe('audit labels', () => {
  it.each(languages)('name every audit action in %s, each differently and not by its code', (language) => {
    const t = i18n.getFixedT(language);
    const labels = AUDIT_ACTIONS.map((action) => auditActionLabel(action, t));
    for (const [index, action] of AUDIT_ACTIONS.entries()) {
      const label = labels[index] ?? '';
      expect(label, action).not.toBe(action);
      expect(label, action).not.toMatch(/^audit\./);
      expect(label.trim(), action).not.toBe('');
    }
    expect(new Set(labels).size).toBe(AUDIT_ACTIONS.length);
  });

  it.each(languages)('name every record type in %s', (language) => {
    const t = i18n.getFixedT(language);
    for (const type of AUDIT_RECORD_TYPES) {
      const label = auditRecordTypeLabel(type, t);
      expect(label, type).not.toBe(type);
      expect(label, type).not.toMatch(/^audit\./);
    }
  });

  it('says what the examples say', () => {
    const fr = i18n.getFixedT('fr');
    const en = i18n.getFixedT('en');
    expect(auditActionLabel('user.created', fr)).toBe('Compte créé');
    expect(auditActionLabel('user.created', en)).toBe('Account created');
    expect(auditRecordTypeLabel('user', fr)).toBe('Utilisateur');
    expect(auditRecordTypeLabel('user', en)).toBe('User');
  });

  it('keeps the code of an action or record type it does not know', () => {
    const t = i18n.getFixedT('fr');
    expect(auditActionLabel('case.archived', t)).toBe('case.archived');
    expect(auditActionLabel('audit', t)).toBe('audit');
    expect(auditRecordTypeLabel('invoice', t)).toBe('invoice');
    expect(auditRecordTypeLabel('case', t)).toBe('Dossier');
  });
});
