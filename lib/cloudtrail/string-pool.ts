/**
 * One copy of each repeated string in the events a parse keeps. JSON.parse gives every record
 * its own copy of the same user agent, role ARN, pool id, Region, event source…; with every
 * AssumeRoleWithWebIdentity of a 100 MB file kept (the /cloudtrail page), those copies were about
 * half of the memory the kept events took.
 *
 * Equal strings are interchangeable, so a record's values and meaning do not change; only
 * values of exactly the same characters are ever shared. Values that never repeat (event ids,
 * request ids, times, issued keys) would only fill the pool, so each property name is watched:
 * when its first values rarely repeat, its values are left alone from then on.
 */

/** Values of one property name looked at before deciding whether they repeat. */
const SAMPLE = 128;
/** Below one repeat in this many values, a property name is taken as unique-valued. */
const MIN_REPEAT_RATIO = 8;
/** A bound on the pool itself for files with very many distinct values. */
const MAX_POOLED = 65_536;
/** And on the property names watched (CloudTrail records use a few hundred); later ones are left alone. */
const MAX_NAMES = 4_096;

interface NameStats {
  /** This name's own first values: a record often repeats one value under two names (userName
   * and subjectFromWebIdentityToken), which must not make a unique-valued name look repetitive. */
  sample: Set<string> | null;
  seen: number;
  repeats: number;
  skip: boolean;
  /** The pooled copy of this name's last value: runs of one value (one app's user agent, one
   * account, one Region) are compared with it, which is cheaper than hashing them for the pool. */
  last: string | undefined;
}

type Container = Record<string, unknown> | unknown[];

export class StringPool {
  private readonly pooled = new Map<string, string>();
  private readonly names = new Map<string, NameStats>();

  /** How many distinct strings are held (for tests and tuning). */
  get size(): number {
    return this.pooled.size;
  }

  /** The pool's copy of `value` (adding it while there is room). */
  intern(value: string): string {
    const found = this.pooled.get(value);
    if (found !== undefined) return found;
    if (this.pooled.size < MAX_POOLED) this.pooled.set(value, value);
    return value;
  }

  /**
   * Replaces, in place, every string value in a plain JSON-like tree (objects, arrays) by the
   * pool's copy. Only call it on data the caller owns: it writes into the objects.
   */
  internValues(tree: Container): void {
    if (Array.isArray(tree)) {
      for (let i = 0; i < tree.length; i++) {
        const value = tree[i];
        if (typeof value === "string") tree[i] = this.intern(value);
        else if (typeof value === "object" && value !== null) this.internValues(value as Container);
      }
      return;
    }
    const keys = Object.keys(tree);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const value = tree[key];
      if (typeof value === "string") tree[key] = this.internNamed(key, value);
      else if (typeof value === "object" && value !== null) this.internValues(value as Container);
    }
  }

  private internNamed(name: string, value: string): string {
    let stats = this.names.get(name);
    if (stats === undefined) {
      if (this.names.size >= MAX_NAMES) return value;
      stats = { sample: new Set(), seen: 0, repeats: 0, skip: false, last: undefined };
      this.names.set(name, stats);
    }
    if (stats.skip) return value;
    if (stats.sample !== null && !this.sampled(stats, value)) return value;
    if (value === stats.last) return stats.last;
    return (stats.last = this.intern(value));
  }

  /** Counts a value of a name still being sampled; false once the name turns out unique-valued. */
  private sampled(stats: NameStats, value: string): boolean {
    const sample = stats.sample!;
    if (sample.has(value)) stats.repeats++;
    else sample.add(value);
    if (++stats.seen < SAMPLE) return true;
    stats.sample = null;
    stats.skip = stats.repeats * MIN_REPEAT_RATIO < SAMPLE;
    return !stats.skip;
  }
}
