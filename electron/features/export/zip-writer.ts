import { createWriteStream, type WriteStream } from 'node:fs';
import { crc32 as zlibCrc32, createDeflateRaw } from 'node:zlib';

/** CRC-32 as zip wants it, from zlib (Node ≥ 20.15): a tenth of the time of a table loop in JavaScript, which took 0.4 s of a 6 MB report. */
const crc32 = (buf: Uint8Array, crc = 0): number => zlibCrc32(buf, crc);

interface Written {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/**
 * A zip file written entry by entry to disk: each entry's data is deflated
 * as it streams, sizes and CRC follow it in a data descriptor, so nothing
 * is held in memory but the current chunk.
 */
export class ZipWriter {
  private out: WriteStream;
  private offset = 0;
  private entries: Written[] = [];
  private failure: Error | null = null;

  constructor(path: string) {
    this.out = createWriteStream(path);
    // A full disk or a folder that went away: surfaced on the next write instead of crashing the process.
    this.out.on('error', (err) => (this.failure = err));
  }

  private async write(buf: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    this.offset += buf.length;
    if (!this.out.write(buf)) await new Promise<void>((r) => this.out.once('drain', () => r()));
  }

  /** Adds an entry whose content comes from `produce`, which calls `push` with chunks (text is written as UTF-8). */
  async entry(name: string, produce: (push: (chunk: string | Buffer) => Promise<void>) => Promise<void>): Promise<void> {
    const nameBuf = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0008 | 0x0800, 6); // sizes in a data descriptor; UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(nameBuf.length, 26);
    const offset = this.offset;
    await this.write(Buffer.concat([header, nameBuf]));
    const deflate = createDeflateRaw({ level: 6 });
    let compressed = 0;
    const pending: Promise<void>[] = [];
    deflate.on('data', (d: Buffer) => {
      compressed += d.length;
      pending.push(this.write(d));
    });
    const ended = new Promise<void>((r) => deflate.once('end', () => r()));
    let crc = 0;
    let size = 0;
    await produce(async (chunk) => {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      crc = crc32(buf, crc);
      size += buf.length;
      if (!deflate.write(buf)) await new Promise<void>((r) => deflate.once('drain', () => r()));
      await Promise.all(pending.splice(0));
    });
    deflate.end();
    await ended;
    await Promise.all(pending.splice(0));
    const desc = Buffer.alloc(16);
    desc.writeUInt32LE(0x08074b50, 0);
    desc.writeUInt32LE(crc, 4);
    desc.writeUInt32LE(compressed, 8);
    desc.writeUInt32LE(size, 12);
    await this.write(desc);
    this.entries.push({ name: nameBuf, crc, compressed, size, offset });
  }

  async close(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const d = Buffer.alloc(46);
      d.writeUInt32LE(0x02014b50, 0);
      d.writeUInt16LE(20, 4);
      d.writeUInt16LE(20, 6);
      d.writeUInt16LE(0x0008 | 0x0800, 8);
      d.writeUInt16LE(8, 10);
      d.writeUInt32LE(e.crc, 16);
      d.writeUInt32LE(e.compressed, 20);
      d.writeUInt32LE(e.size, 24);
      d.writeUInt16LE(e.name.length, 28);
      d.writeUInt32LE(e.offset, 42);
      await this.write(Buffer.concat([d, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
    await new Promise<void>((resolve, reject) => this.out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }

  /** Stops writing after a failure; the caller removes the partial file. */
  destroy(): void {
    this.out.destroy();
  }
}
