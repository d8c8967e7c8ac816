import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's minimum memory cost (19 MiB, t=2): memory-hard against GPU cracking.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
