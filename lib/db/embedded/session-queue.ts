import type { PGlite } from '@electric-sql/pglite';

type Entry = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: Error) => void;
};

const PROTOCOL_V3 = 196608;
const SYNC = 0x53; // 'S'
const SIMPLE_QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'

function isStartup(message: Uint8Array): boolean {
  if (message.length < 8) return false;
  return new DataView(message.buffer, message.byteOffset, message.byteLength).getInt32(4) === PROTOCOL_V3;
}

/**
 * Replacement for pglite-socket's query queue. PGlite has one session; the library interleaves
 * connections message by message, so one connection's Bind can meet another's Parse (wrong
 * statement, wrong parameters). Here a connection owns the session from its first message until it
 * is idle again: after a Sync or simple Query outside a transaction, or when it disconnects.
 */
export class SessionQueue {
  private queue: Entry[] = [];
  private owner: number | null = null;
  private processing = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
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
