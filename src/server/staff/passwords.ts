import { hash, verify } from '@node-rs/argon2';

/**
 * Hashes and checks staff passwords with argon2id (RFC 9106), on libuv's thread pool so the event
 * loop keeps serving. The parameters are OWASP's first recommendation (19 MiB, 2 passes, 1 lane);
 * the PHC string records them, so hashes made with older parameters still verify.
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Whether `password` matches `phc`; false (never a throw) for a malformed hash. */
  verify(phc: string, password: string): Promise<boolean>;
  /**
   * Does the work of one verification against a hash no password matches: what a login with an
   * unknown email runs, so it takes as long as a wrong password for a real account.
   */
  verifyNothing(password: string): Promise<void>;
}

// Algorithm.Argon2id is an ambient const enum, which verbatimModuleSyntax cannot read: 2 is its value.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** The argon2id hasher of the running server. */
export function createPasswordHasher(): PasswordHasher {
  // Made once, from a random password, with the same parameters as every real hash.
  let decoy: Promise<string> | undefined;
  const check = async (phc: string, password: string) => {
    try {
      return await verify(phc, password);
    } catch {
      return false;
    }
  };
  return {
    hash: (password) => hash(password, OPTIONS),
    verify: check,
    async verifyNothing(password) {
      decoy ??= hash(crypto.randomUUID(), OPTIONS);
      await check(await decoy, password);
    },
  };
}
