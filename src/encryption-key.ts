/**
 * The field-encryption key at start-up, checked against the data already stored: a server must never run
 * with a key that cannot open what the database holds (it would report healthy, then fail on every
 * document number), nor create a new key when the old one is merely missing.
 */
import { type Config, ConfigError, resolveEncryptionKey } from './config';
import type { Database } from './db/client';
import { sealedSample } from './modules/registry';
import { createFieldCipher, type FieldCipher } from './platform/field-crypto';

export class KeyMismatchError extends ConfigError {
  constructor(source: string) {
    super(
      `The encryption key (${source}) does not open the data already in the database (document numbers): it ` +
        'is not the key this data was encrypted with. Configure the original key; do not start with another one.',
    );
  }
}

/** The configured key, proven to open the stored data (a new key is created only for an empty database). */
export async function startupCipher(
  config: Config,
  database: Database,
): Promise<{ key: Buffer; cipher: FieldCipher }> {
  const sample = await sealedSample(database.db);
  const key = resolveEncryptionKey(config, { create: sample === undefined });
  const cipher = createFieldCipher(key);
  if (sample !== undefined) {
    try {
      cipher.decrypt(sample);
    } catch {
      throw new KeyMismatchError(config.encryptionKey ? 'ENCRYPTION_KEY' : 'DATA_DIR/encryption.key');
    }
  }
  return { key, cipher };
}
