/**
 * Page encryption for protected reports: AES-GCM with one 256-bit key per report build, derived
 * from the password with PBKDF2-SHA-256 and a random salt per build, and a random IV per page.
 * One salt per build means a reader derives the key once per visit: the browser keeps the raw
 * key (never the password) and decrypts every later page with it. Web Crypto only, so the
 * browser runs the very same calls (see src/build/protectedShell.ts).
 */

/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;

/** How the key of one report build is derived from its password; published with every page. */
export interface KeyDerivation {
  iterations: number;
  /** Random per build, base64; the same on every page of the build. */
  salt: string;
}

export interface EncryptedPage extends KeyDerivation {
  /** Format version: 2 has one salt per build (1 had one per page). */
  v: 2;
  iv: string;
  /** AES-GCM ciphertext with its tag, base64. */
  data: string;
}

/** A report build's key, derived once and used for every page. */
export interface ReportKey extends KeyDerivation {
  key: CryptoKey;
}

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array(Buffer.from(text, 'base64'));

/** The raw 256-bit AES key: PBKDF2 bits imported as AES-GCM, as the browser does. */
export async function deriveKeyBytes(
  password: string,
  derivation: KeyDerivation,
): Promise<Uint8Array<ArrayBuffer>> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  return new Uint8Array(
    await crypto.subtle.deriveBits(
      {
        name: 'PBKDF2',
        hash: 'SHA-256',
        salt: fromBase64(derivation.salt),
        iterations: derivation.iterations,
      },
      material,
      256,
    ),
  );
}

const importAesKey = (bytes: Uint8Array<ArrayBuffer>) =>
  crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['encrypt', 'decrypt']);

/** Derives a fresh key for a report build (new random salt): the one PBKDF2 run of the build. */
export async function newReportKey(
  password: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<ReportKey> {
  const derivation = { iterations, salt: toBase64(crypto.getRandomValues(new Uint8Array(16))) };
  return { ...derivation, key: await importAesKey(await deriveKeyBytes(password, derivation)) };
}

export async function encryptPage(plaintext: string, reportKey: ReportKey): Promise<EncryptedPage> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv },
      reportKey.key,
      new TextEncoder().encode(plaintext),
    ),
  );
  return {
    v: 2,
    iterations: reportKey.iterations,
    salt: reportKey.salt,
    iv: toBase64(iv),
    data: toBase64(data),
  };
}

/** The page's HTML, or a rejection when the key is wrong (AES-GCM's tag does not verify). */
export async function decryptPage(
  page: EncryptedPage,
  keyBytes: Uint8Array<ArrayBuffer>,
): Promise<string> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(page.iv) },
    await importAesKey(keyBytes),
    fromBase64(page.data),
  );
  return new TextDecoder().decode(plain);
}
