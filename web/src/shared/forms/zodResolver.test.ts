import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CreateOfficeSchema, CreateUserSchema } from '../../../../src/modules/identity/contract';
import { i18n, initI18n } from '../../i18n';
import { localizedZodResolver } from './zodResolver';

const options = { fields: {}, shouldUseNativeValidation: false } as const;

describe('localizedZodResolver', () => {
  initI18n('fr');
  const t = i18n.getFixedT('fr');

  it('replaces zod and contract messages with localised ones', async () => {
    const resolver = localizedZodResolver(CreateUserSchema, t);
    const result = await resolver(
      {
        email: 'not-an-email',
        displayName: '',
        locale: 'fr',
        password: 'short',
        memberships: [{ officeId: '', role: 'x' }],
      },
      undefined,
      options,
    );
    expect(result.errors.email?.message).toBe('Saisissez une adresse e-mail valide.');
    expect(result.errors.displayName?.message).toBe('Ce champ est obligatoire.');
    expect(result.errors.password?.message).toBe('Au moins 12 caractères.');
    const rows = result.errors.memberships as unknown as {
      officeId?: { message?: string };
      role?: { message?: string };
    }[];
    expect(rows[0]?.officeId?.message).toBe('Ce champ est obligatoire.');
    expect(rows[0]?.role?.message).toBe('Valeur invalide.');
  });

  it('treats an empty choice as required even where the contract has its own message', async () => {
    const resolver = localizedZodResolver(CreateOfficeSchema, t);
    const result = await resolver(
      { code: 'P', name: 'Paris', country: '', city: 'Paris', kind: 'host' },
      undefined,
      options,
    );
    expect(result.errors.country?.message).toBe('Ce champ est obligatoire.');
    expect(result.errors.code?.message).toBe('Format invalide.');
  });

  it('names control characters pasted into a text field', async () => {
    const resolver = localizedZodResolver(CreateOfficeSchema, t);
    const result = await resolver(
      { code: 'PAR', name: 'Paris\u0000', country: 'FR', city: 'Paris', kind: 'host' },
      undefined,
      options,
    );
    expect(result.errors.name?.message).toBe('Retirez de ce texte les caractères de contrôle invisibles.');
  });

  it('translates custom refinements that name a validation key', async () => {
    const schema = z
      .object({ a: z.string(), b: z.string() })
      .refine((v) => v.a === v.b, { message: 'validation.passwordsDoNotMatch', path: ['b'] });
    const result = await localizedZodResolver(schema, i18n.getFixedT('en'))(
      { a: 'x', b: 'y' },
      undefined,
      options,
    );
    expect(result.errors.b?.message).toBe('The two passwords do not match.');
  });

  it('returns the parsed (transformed) values on success', async () => {
    const resolver = localizedZodResolver(CreateOfficeSchema, t);
    const result = await resolver(
      { code: 'paris', name: ' Paris ', country: 'FR', city: 'Paris', kind: 'host' },
      undefined,
      options,
    );
    expect(result.errors).toEqual({});
    expect(result.values).toMatchObject({ code: 'PARIS', name: 'Paris' });
  });
});
