import 'server-only';
import { parseEnv } from '../config/env-schema';

// The only reader of process.env at run time (scripts use lib/config directly).
export const env = Object.freeze(parseEnv(process.env));
