/**
 * Page encryption for protected reports: AES-GCM with a 256-bit key derived from the password
 * with PBKDF2-SHA-256, a random salt and IV per page. Web Crypto only, so the browser decrypts
 * with the very same calls (see src/build/protectedShell.ts).
 */

/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;

export interface EncryptedPage {
  /** Format version, for future changes. */
  v: 1;
  iterations: number;
  salt: string;
  iv: string;
  /** AES-GCM ciphertext with its tag, base64. */
  data: string;
}

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array(Buffer.from(text, 'base64'));

async function deriveKey(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function encryptPage(plaintext: string, password: string, iterations = PBKDF2_ITERATIONS): Promise<EncryptedPage> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(password, salt, iterations);
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plaintext)));
  return { v: 1, iterations, salt: toBase64(salt), iv: toBase64(iv), data: toBase64(data) };
}

/** The page's HTML, or a rejection when the password is wrong (AES-GCM's tag does not verify). */
export async function decryptPage(page: EncryptedPage, password: string): Promise<string> {
  const key = await deriveKey(password, fromBase64(page.salt), page.iterations);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(page.iv) }, key, fromBase64(page.data));
  return new TextDecoder().decode(plain);
}
