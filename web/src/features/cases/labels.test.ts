import { describe, expect, it } from 'vitest';
import {
  ALL_STATUSES,
  CASE_TYPE_CODES,
  CASE_TYPES,
  CLOSURE_REASONS,
  DOCUMENT_KINDS,
} from '../../../../src/modules/cases/workflow';
import {
  BirthDatePrecisionSchema,
  DocumentTypeSchema,
  RelationshipSchema,
  ScriptSchema,
  SexSchema,
} from '../../../../src/modules/registry/contract';
import { SPECIFIC_NEED_CODES } from '../../../../src/modules/registry/specific-needs';
import { i18n, initI18n } from '../../i18n';
import { needLabel } from '../registry/labels';
import {
  caseTypeLabel,
  closureReasonLabel,
  documentKindLabel,
  requiredFieldLabel,
  statusLabel,
} from './labels';

initI18n('fr');
const languages = ['fr', 'en'] as const;

describe('case and registry labels', () => {
  it.each(languages)('name every status of every workflow in %s, not by its code', (language) => {
    const t = i18n.getFixedT(language);
    for (const status of ALL_STATUSES) {
      expect(i18n.exists(`caseStatus.${status}`, { lng: language, fallbackLng: false }), status).toBe(true);
      const label = statusLabel(status, t);
      expect(label, status).not.toBe(status);
      expect(label.trim(), status).not.toBe('');
    }
    // Within one workflow, two steps never read the same.
    for (const { workflow } of Object.values(CASE_TYPES)) {
      const labels = workflow.states.map((s) => statusLabel(s, t));
      expect(new Set(labels).size, workflow.code).toBe(labels.length);
    }
  });

  it.each(languages)('name every case type and closure reason in %s', (language) => {
    const t = i18n.getFixedT(language);
    for (const type of CASE_TYPE_CODES) {
      expect(i18n.exists(`caseTypes.${type}`, { lng: language, fallbackLng: false }), type).toBe(true);
      expect(caseTypeLabel(type, t)).not.toBe(type);
    }
    for (const reason of CLOSURE_REASONS) {
      expect(i18n.exists(`closureReasons.${reason}`, { lng: language, fallbackLng: false }), reason).toBe(
        true,
      );
      expect(closureReasonLabel(reason, t)).not.toBe(reason);
    }
  });

  it.each(languages)('name every kind of document in %s, and a document a step requires', (language) => {
    const t = i18n.getFixedT(language);
    for (const kind of DOCUMENT_KINDS) {
      expect(i18n.exists(`documentKinds.${kind}`, { lng: language, fallbackLng: false }), kind).toBe(true);
      expect(documentKindLabel(kind, t)).not.toBe(kind);
    }
    expect(requiredFieldLabel('document:decision_letter', t)).toContain(
      documentKindLabel('decision_letter', t),
    );
  });

  it.each(languages)('name every registry vocabulary in %s', (language) => {
    const has = (key: string) => i18n.exists(key, { lng: language, fallbackLng: false });
    for (const v of SexSchema.options) expect(has(`registry.sexes.${v}`), v).toBe(true);
    for (const v of BirthDatePrecisionSchema.options) expect(has(`registry.precisions.${v}`), v).toBe(true);
    for (const v of ScriptSchema.options) expect(has(`registry.scripts.${v}`), v).toBe(true);
    for (const v of DocumentTypeSchema.options) expect(has(`person.documentTypes.${v}`), v).toBe(true);
    for (const v of RelationshipSchema.options) expect(has(`person.relationships.${v}`), v).toBe(true);
    for (const code of SPECIFIC_NEED_CODES) expect(needLabel(code, language), code).not.toBe(code);
  });

  it('keeps an unknown status as its code', () => {
    expect(statusLabel('somewhere_new', i18n.getFixedT('fr'))).toBe('somewhere_new');
  });
});
