import { hashText } from "./text";

/**
 * Dense ids for texts in order of first appearance (0, 1, 2 …), in a hash table of its own. The audit groups a
 * million goals by id and by owner, mostly distinct texts: a Map<string, number> of that size costs more in time
 * and garbage. The table is plain arrays of small integers, not typed arrays: V8 starts a full garbage collection
 * whenever array buffers grow by some 64 MB, which with a large heap costs more than the table saves.
 */
export class TextIds {
  /** The texts, by id (room for `expected` texts from the start: growing a large array costs collections). */
  private texts: string[];
  /** The hash of each text (a small integer: see hashText), by id. */
  private hashes: number[];
  private count = 0;
  /** Open addressing, at most half full: id + 1 per slot, 0 for an empty slot. */
  private slots: number[];

  /** Sized for `expected` texts without growing. */
  constructor(expected = 8) {
    this.texts = new Array<string>(expected).fill("");
    this.hashes = new Array<number>(expected).fill(0);
    this.slots = new Array<number>(tableSize(expected)).fill(0);
  }

  get size(): number {
    return this.count;
  }

  /** The text of an id. */
  text(id: number): string {
    return this.texts[id] as string;
  }

  /**
   * The id of a text, given it when it is new.
   * @example ids.id("g1") // 0, then 0 again for "g1"
   */
  id(text: string): number {
    const hash = hashText(text);
    const slot = this.slotOf(text, hash);
    const entry = this.slots[slot] as number;
    if (entry !== 0) return entry - 1;
    const id = this.count++;
    if (id === this.texts.length) {
      this.texts = this.texts.concat(new Array<string>(id).fill(""));
      this.hashes = this.hashes.concat(new Array<number>(id).fill(0));
    }
    this.texts[id] = text;
    this.hashes[id] = hash;
    this.slots[slot] = id + 1;
    if (2 * this.count > this.slots.length) this.grow();
    return id;
  }

  /** The id of a text, or -1 when it has none. */
  find(text: string): number {
    return (this.slots[this.slotOf(text, hashText(text))] as number) - 1;
  }

  /** The slot holding a text, or the empty slot where it would go. */
  private slotOf(text: string, hash: number): number {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let entry = this.slots[slot] as number; entry !== 0; entry = this.slots[slot] as number) {
      if (this.hashes[entry - 1] === hash && this.texts[entry - 1] === text) return slot;
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** Doubles the table. */
  private grow(): void {
    this.slots = new Array<number>(this.slots.length * 2).fill(0);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = (this.hashes[id] as number) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = id + 1;
    }
  }
}

/** A power of two at least twice `count` (at least 16). */
export function tableSize(count: number): number {
  let size = 16;
  while (size < 2 * count) size *= 2;
  return size;
}
