// The ids an import has seen, in 12 bytes per id instead of a Map of strings (about 150 bytes
// per id): a million-record file must not need hundreds of MB just to spot a repeated id.
// Ids are kept as two independent 32-bit hashes (64 bits: a false "repeated" among a million
// ids has odds of about 1 in 30 million) plus where each was first seen, for the skip message.

function hashes(text: string): [number, number] {
  // FNV-1a and a multiply-rotate hash over UTF-16 code units: two unrelated 32-bit values.
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  a ^= a >>> 16;
  b = Math.imul(b ^ (b >>> 15), 0x27d4eb2d);
  // 0 marks an empty slot: never store it.
  return [a >>> 0 || 1, b >>> 0];
}

export class SeenIds {
  private keys = new Uint32Array(2 * 1024);
  private where = new Uint32Array(1024);
  private files: string[] = [];
  private fileIndex = new Map<string, number>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Records `id` as seen at file:line; answers where it was first seen if it was already. */
  add(id: string, file: string, line: number): string | null {
    const [a, b] = hashes(id);
    const slots = this.where.length;
    let slot = (a ^ Math.imul(b, 0x9e3779b1)) >>> 0;
    for (let probe = 0; ; probe++) {
      slot = (slot + probe) & (slots - 1);
      const ka = this.keys[2 * slot];
      if (ka === 0) break;
      if (ka === a && this.keys[2 * slot + 1] === b) {
        const packed = this.where[slot];
        return `${this.files[packed >>> 24]}:${packed & 0xffffff}`;
      }
    }
    this.keys[2 * slot] = a;
    this.keys[2 * slot + 1] = b;
    this.where[slot] = (this.indexOf(file) << 24) | Math.min(line, 0xffffff);
    if (++this.count * 2 > slots) this.grow();
    return null;
  }

  private indexOf(file: string): number {
    let index = this.fileIndex.get(file);
    if (index === undefined) {
      // 8 bits of file index: past 255 files, later files share the last name in messages.
      index = Math.min(this.files.length, 255);
      if (index === this.files.length) this.files.push(file);
      this.fileIndex.set(file, index);
    }
    return index;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldWhere = this.where;
    const slots = oldWhere.length * 2;
    this.keys = new Uint32Array(2 * slots);
    this.where = new Uint32Array(slots);
    for (let old = 0; old < oldWhere.length; old++) {
      const a = oldKeys[2 * old];
      if (a === 0) continue;
      const b = oldKeys[2 * old + 1];
      let slot = (a ^ Math.imul(b, 0x9e3779b1)) >>> 0;
      for (let probe = 0; ; probe++) {
        slot = (slot + probe) & (slots - 1);
        if (this.keys[2 * slot] === 0) break;
      }
      this.keys[2 * slot] = a;
      this.keys[2 * slot + 1] = b;
      this.where[slot] = oldWhere[old];
    }
  }
}
