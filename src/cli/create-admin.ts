import type { Database } from '../db/client';
import { CreateUserSchema, identityRepository, NewPasswordSchema } from '../modules/identity';
import { recordAudit } from '../platform/audit/record';
import type { Clock } from '../platform/clock';
import { hashPassword, temporaryPassword } from '../platform/crypto';
import { systemCtx } from '../server/reactions';

export class CreateAdminError extends Error {}

export type CreateAdministratorOptions = {
  email: string;
  displayName?: string;
  /** Office in which the role is held; default: the first office, or a new "HQ" office on an empty database. */
  officeCode?: string;
  /** Chosen password; when absent one is generated and returned once. */
  password?: string;
};

/** Bootstraps the first administrator of a production database (no session exists yet to do it). */
export async function createAdministrator(
  database: Database,
  clock: Clock,
  options: CreateAdministratorOptions,
) {
  const email = CreateUserSchema.shape.email.safeParse(options.email);
  if (!email.success) throw new CreateAdminError(`Not a valid email address: ${options.email}`);
  if (options.password !== undefined && !NewPasswordSchema.safeParse(options.password).success) {
    throw new CreateAdminError('The password must have 12 to 200 characters.');
  }
  const generatedPassword = options.password === undefined ? temporaryPassword() : undefined;
  const passwordHash = await hashPassword(options.password ?? (generatedPassword as string));
  const ctx = systemCtx(database.db, clock);
  return database.db.transaction(async (tx) => {
    if (await identityRepository.findUserByEmail(tx, email.data)) {
      throw new CreateAdminError(`An account with the email ${email.data} already exists.`);
    }
    let office = options.officeCode
      ? await identityRepository.findOfficeByCode(tx, options.officeCode.toUpperCase())
      : (await identityRepository.listOffices(tx))[0];
    if (options.officeCode && !office)
      throw new CreateAdminError(`No office with the code ${options.officeCode}.`);
    if (!office) {
      office = await identityRepository.insertOffice(tx, {
        code: 'HQ',
        name: 'Headquarters',
        country: 'FR',
        city: 'Paris',
        kind: 'host',
      });
      await recordAudit(tx, ctx, {
        action: 'office.created',
        officeId: office.id,
        recordType: 'office',
        recordId: office.id,
        changes: { code: { new: 'HQ' } },
      });
    }
    const user = await identityRepository.insertUser(tx, {
      email: email.data,
      displayName: options.displayName?.trim() || email.data,
      passwordHash,
      mustChangePassword: generatedPassword !== undefined,
    });
    await identityRepository.replaceMemberships(tx, user.id, [
      { officeId: office.id, role: 'administrator' },
    ]);
    await recordAudit(
      tx,
      { ...ctx, actor: null },
      {
        action: 'user.created',
        actorEmail: 'cli',
        recordType: 'user',
        recordId: user.id,
        changes: {
          email: { new: user.email },
          memberships: { new: [`${office.code}:administrator`] },
          password: { new: '[set]' },
        },
        metadata: { via: 'cli create-admin' },
      },
    );
    return { email: user.email, officeCode: office.code, generatedPassword };
  });
}
