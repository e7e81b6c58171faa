import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { shortLineHash } from './line-diff';

const FLUSH_BYTES = 1 << 20;

export type SpooledFile = { name: string; path: string; sha256: string; bytes: number };

/**
 * A dossier file written to a scratch file as it is produced (hashed on the way), so that a build never
 * holds a whole data file in memory. With `lineHashes`, every line's short hash goes to that companion.
 */
export class SpoolFile {
  private parts: Buffer[] = [];
  private pending = 0;
  private readonly hash = createHash('sha256');
  private bytes = 0;

  private constructor(
    readonly name: string,
    readonly path: string,
    private readonly handle: FileHandle,
    private readonly lineHashes: SpoolFile | null,
  ) {}

  static async create(input: { name: string; path: string; lineHashes?: SpoolFile }): Promise<SpoolFile> {
    return new SpoolFile(input.name, input.path, await open(input.path, 'w', 0o600), input.lineHashes ?? null);
  }

  async write(text: string): Promise<void> {
    const buffer = Buffer.from(text, 'utf8');
    this.hash.update(buffer);
    this.bytes += buffer.length;
    this.parts.push(buffer);
    this.pending += buffer.length;
    if (this.pending >= FLUSH_BYTES) await this.flush();
  }

  /** One line (without its break); its short hash is recorded when the file has a companion. */
  async line(text: string): Promise<void> {
    await this.write(`${text}\n`);
    if (this.lineHashes) await this.lineHashes.write(`${shortLineHash(text)}\n`);
  }

  private async flush(): Promise<void> {
    if (this.pending === 0) return;
    const data = Buffer.concat(this.parts);
    this.parts = [];
    this.pending = 0;
    await this.handle.write(data);
  }

  async close(): Promise<SpooledFile> {
    await this.flush();
    await this.handle.close();
    return { name: this.name, path: this.path, sha256: this.hash.digest('hex'), bytes: this.bytes };
  }
}
