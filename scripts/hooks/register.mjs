import { register } from 'node:module';

register('./server-only.mjs', import.meta.url);
