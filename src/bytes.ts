/** A growable byte array: bytes, unsigned varints, UTF-16 code units (little-endian). */
export class ByteWriter {
  bytes: Uint8Array;
  length = 0;

  constructor(expected = 1 << 16) {
    this.bytes = new Uint8Array(Math.max(16, expected));
  }

  append(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  varint(value: number): void {
    this.ensure(5);
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }

  unit(code: number): void {
    this.ensure(2);
    this.bytes[this.length++] = code & 0xff;
    this.bytes[this.length++] = code >>> 8;
  }

  byte(value: number): void {
    this.ensure(1);
    this.bytes[this.length++] = value;
  }

  result(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** Reads unsigned varints from a byte array, from `at` on. */
export class VarintReader {
  constructor(
    private readonly bytes: Uint8Array,
    public at: number,
  ) {}

  next(): number {
    const bytes = this.bytes;
    let byte = bytes[this.at++] as number;
    let value = byte & 0x7f;
    let scale = 128;
    while (byte & 0x80) {
      byte = bytes[this.at++] as number;
      value += (byte & 0x7f) * scale;
      scale *= 128;
    }
    return value;
  }
}
