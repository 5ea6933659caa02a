// argon2id password hashing. Verification of unknown accounts runs against a dummy hash so that
// response time does not reveal whether an e-mail address has an account.
import argon2 from "argon2";

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string | null, password: string): Promise<boolean>;
}

export function createPasswordHasher(options: { memoryKib: number; iterations: number }): PasswordHasher {
  const params = {
    type: argon2.argon2id as 2,
    memoryCost: options.memoryKib,
    timeCost: options.iterations,
    parallelism: 1,
  };
  let dummyHash: Promise<string> | null = null;
  return {
    hash: (password) => argon2.hash(password, params),
    async verify(hash, password) {
      if (hash === null) {
        dummyHash ??= argon2.hash("draht-dummy-password", params);
        await argon2.verify(await dummyHash, password);
        return false;
      }
      try {
        return await argon2.verify(hash, password);
      } catch {
        return false;
      }
    },
  };
}
