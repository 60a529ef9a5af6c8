/**
 * Field-level encryption of special-category data (document numbers...), AES-256-GCM with a key from
 * configuration, plus a keyed blind index (HMAC-SHA-256) so an exact value can still be searched for
 * without decrypting every row. Both sub-keys are derived from the master key with HKDF.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export type FieldCipher = {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Deterministic keyed digest of an already normalised value. */
  blindIndex(normalised: string): string;
  /** A keyed signature (HMAC-SHA-256, hex) of a message, e.g. the digest of a closed period's figures. */
  sign(message: string): string;
};

const VERSION = 'v1';

export function createFieldCipher(masterKey: Buffer): FieldCipher {
  if (masterKey.length !== 32)
    throw new Error('The encryption key must be 32 bytes (base64 of 32 random bytes).');
  const encKey = Buffer.from(
    hkdfSync('sha256', masterKey, Buffer.alloc(0), 'passerelle field encryption v1', 32),
  );
  const indexKey = Buffer.from(
    hkdfSync('sha256', masterKey, Buffer.alloc(0), 'passerelle blind index v1', 32),
  );
  const signKey = Buffer.from(
    hkdfSync('sha256', masterKey, Buffer.alloc(0), 'passerelle report signatures v1', 32),
  );
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(sealed) {
      const [version, payload] = sealed.split(':');
      if (version !== VERSION || !payload) throw new Error('Unknown ciphertext format');
      const raw = Buffer.from(payload, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    blindIndex(normalised) {
      return createHmac('sha256', indexKey).update(normalised).digest('hex');
    },
    sign(message) {
      return createHmac('sha256', signKey).update(message).digest('hex');
    },
  };
}
