import type { PGlite } from '@electric-sql/pglite';
import { authenticationFailed, isPasswordCorrect, isStartup, passwordRequest, readPassword } from './startup-auth';

type Entry = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: Error) => void;
};

const SYNC = 0x53; // 'S'
const SIMPLE_QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'

/**
 * PGlite has one session for every connection: what one client sets (search_path, timeouts, role,
 * temporary tables that shadow ours) would reach the next. Run when the session passes to another
 * connection. Not RESET ALL: it also drops the encoding and date style the drivers negotiated.
 */
const RESET_SESSION = [
  'DISCARD TEMP',
  'RESET search_path',
  'RESET statement_timeout',
  'RESET lock_timeout',
  'RESET idle_in_transaction_session_timeout',
  'RESET row_security',
  'RESET ROLE',
  'RESET SESSION AUTHORIZATION',
  "SET client_encoding = 'UTF8'",
  "SET DateStyle = 'ISO, MDY'",
].join('; ');
/**
 * Statements that can leave session state behind (SET…, set_config, search_path in a function or
 * the startup options, temporary objects, roles). The app’s own queries never match, so the reset
 * (about as costly as a SELECT 1) runs only after a foreign client such as pg_dump or psql.
 */
const SESSION_CHANGE = /(^|;)\s*(set|reset|discard)\s|set_config|search_path|\btemp(orary)?\b/i;
const SIMPLE_QUERY_TYPE = 0x51; // 'Q'
const PARSE = 0x50; // 'P'

/** The SQL of a simple Query or Parse message, the parameters of a startup message, else ''. */
function sqlOf(message: Uint8Array): string {
  const bytes = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
  if (isStartup(message)) return bytes.subarray(8).toString('latin1');
  if (message[0] === SIMPLE_QUERY_TYPE) return bytes.subarray(5).toString('latin1');
  if (message[0] !== PARSE) return '';
  const nameEnd = bytes.indexOf(0, 5);
  return nameEnd === -1 ? '' : bytes.subarray(nameEnd + 1).toString('latin1');
}

function changesSession(message: Uint8Array): boolean {
  return SESSION_CHANGE.test(sqlOf(message));
}

type Auth = { phase: 'password'; startup: Uint8Array } | { phase: 'ready' } | { phase: 'refused' };

/**
 * Replacement for pglite-socket's query queue. PGlite has one session; the library interleaves
 * connections message by message, so one connection's Bind can meet another's Parse (wrong
 * statement, wrong parameters). Here a connection owns the session from its first message until it
 * is idle again: after a Sync or simple Query outside a transaction, or when it disconnects.
 * PGlite trusts every client, so the startup is authenticated here: a connection must send the
 * password of this start before any message reaches the database; a wrong one closes it.
 */
export class SessionQueue {
  private queue: Entry[] = [];
  private owner: number | null = null;
  private lastOwner: number | null = null;
  private sessionDirty = false;
  private processing = false;
  private readonly auth = new Map<number, Auth>();

  constructor(
    private readonly db: PGlite,
    private readonly password: string,
  ) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    const auth = this.auth.get(handlerId);
    if (auth?.phase === 'ready') return this.push(handlerId, message, onData);
    if (!auth && isStartup(message)) {
      this.auth.set(handlerId, { phase: 'password', startup: message });
      const request = passwordRequest();
      onData(request);
      return Promise.resolve(request.length);
    }
    if (auth?.phase === 'password' && isPasswordCorrect(readPassword(message), this.password)) {
      this.auth.set(handlerId, { phase: 'ready' });
      return this.push(handlerId, auth.startup, onData);
    }
    if (auth?.phase === 'password' && readPassword(message) !== null) {
      // The client gets PostgreSQL's answer to a wrong password; anything it sends next closes it.
      this.auth.set(handlerId, { phase: 'refused' });
      const refusal = authenticationFailed();
      onData(refusal);
      return Promise.resolve(refusal.length);
    }
    // Rejecting makes pglite-socket drop the connection.
    return Promise.reject(new Error('embedded database: not authenticated'));
  }

  private push(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  private async resetSessionFor(handlerId: number, message: Uint8Array): Promise<void> {
    if (this.sessionDirty && this.lastOwner !== handlerId && !this.db.isInTransaction()) {
      await this.db.exec(RESET_SESSION);
      this.sessionDirty = false;
    }
    this.lastOwner = handlerId;
    if (changesSession(message)) this.sessionDirty = true;
  }

  private next(): Entry | undefined {
    if (this.owner === null) return this.queue.shift();
    const index = this.queue.findIndex((e) => e.handlerId === this.owner);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private releasesSession(message: Uint8Array): boolean {
    if (isStartup(message)) return true;
    const type = message[0];
    if (type === TERMINATE) return true;
    return (type === SYNC || type === SIMPLE_QUERY) && !this.db.isInTransaction();
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let entry = this.next(); entry; entry = this.next()) {
        this.owner = entry.handlerId;
        let bytes = 0;
        const current = entry;
        try {
          await this.resetSessionFor(current.handlerId, current.message);
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(current.message, {
              onRawData: (data) => {
                bytes += data.length;
                current.onData(data);
              },
            }),
          );
        } catch (error) {
          current.reject(error instanceof Error ? error : new Error(String(error)));
          continue;
        }
        if (this.releasesSession(current.message)) this.owner = null;
        current.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.auth.delete(handlerId);
    this.queue = this.queue.filter((entry) => {
      if (entry.handlerId !== handlerId) return true;
      entry.reject(new Error('Handler disconnected'));
      return false;
    });
  }

  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = null;
    await this.process();
  }
}
