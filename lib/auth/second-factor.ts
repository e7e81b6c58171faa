import 'server-only';
import { getDb } from '@/lib/db/client';
import { claimTotpStep, consumeRecoveryCode } from '@/lib/db/users';
import { hashRecoveryCode, looksLikeRecoveryCode } from './recovery-codes';
import { matchTotp } from './totp';

/** A 6-digit TOTP code (each time step accepted once) or one of the user's single-use recovery codes. */
export async function checkSecondFactor(input: {
  userId: string;
  totpSecret: string | null;
  code: string;
  now: Date;
}): Promise<'totp' | 'recovery' | null> {
  const code = input.code.trim();
  if (input.totpSecret && /^\d{3}\s?\d{3}$/.test(code)) {
    const step = matchTotp({ secret: input.totpSecret, code, nowMs: input.now.getTime() });
    if (step === null) return null;
    return (await claimTotpStep(getDb(), input.userId, step)) ? 'totp' : null;
  }
  if (looksLikeRecoveryCode(code)) {
    return (await consumeRecoveryCode(getDb(), input.userId, hashRecoveryCode(code))) ? 'recovery' : null;
  }
  return null;
}
