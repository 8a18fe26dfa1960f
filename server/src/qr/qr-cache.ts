/**
 * Drawn QR images in process memory, bounded in bytes, the least recently used dropped first.
 * A symbol never changes for the same key (the identity URL it holds, format, size, level and
 * caption), so entries need no expiry.
 */
export class QrCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): Buffer | undefined {
    const image = this.entries.get(key);
    if (image) {
      // Re-insert to mark as recently used (Map keeps insertion order).
      this.entries.delete(key);
      this.entries.set(key, image);
    }
    return image;
  }

  set(key: string, image: Buffer): void {
    const size = image.length + key.length;
    if (size > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) this.drop(key, old);
    this.entries.set(key, image);
    this.bytes += size;
    for (const [oldest, oldImage] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(oldest, oldImage);
    }
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private drop(key: string, image: Buffer): void {
    this.entries.delete(key);
    this.bytes -= image.length + key.length;
  }
}
