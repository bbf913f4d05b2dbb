import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * TOTP secrets are encrypted at rest (AES-256-GCM), so a database dump alone cannot mint
 * codes. The key is derived from the server's signing secret; rotating that secret means
 * staff re-enrol, which is acceptable for an emergency rotation.
 */
function key(serverSecret: string): Buffer {
  return createHash('sha256').update(`mend:mfa-secret:${serverSecret}`).digest();
}

export function sealSecret(plain: string, serverSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(serverSecret), iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.');
}

export function openSecret(box: string, serverSecret: string): string {
  const [iv, tag, sealed] = box.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !sealed) throw new Error('malformed sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', key(serverSecret), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
}
