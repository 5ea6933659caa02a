// Client-side rate limiting per network account: a token bucket (capacity, refill rate) that makes a
// caller wait for its token instead of running into the network's limit; the network's own answer
// (remaining calls, reset time, retry-after) drains the bucket when the network knows better.

export interface TokenBucketOptions {
  /** How many calls may go at once. */
  capacity: number;
  /** Over how long a full bucket refills. */
  refillMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private blockedUntil = 0;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: TokenBucketOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.tokens = options.capacity;
    this.updatedAt = this.now();
  }

  private refill(): void {
    const now = this.now();
    const rate = this.options.capacity / this.options.refillMs;
    this.tokens = Math.min(this.options.capacity, this.tokens + (now - this.updatedAt) * rate);
    this.updatedAt = now;
  }

  /** How long a call would have to wait now (0: at once). */
  waitMs(): number {
    this.refill();
    const blocked = Math.max(0, this.blockedUntil - this.now());
    const forToken =
      this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / (this.options.capacity / this.options.refillMs));
    return Math.max(blocked, forToken);
  }

  /** Takes a token, waiting up to `maxWaitMs`; returns false (and takes nothing) when the wait would be longer. */
  async take(maxWaitMs: number): Promise<boolean> {
    const wait = this.waitMs();
    if (wait > maxWaitMs) return false;
    if (wait > 0) await this.sleep(wait);
    this.refill();
    this.tokens -= 1;
    return true;
  }

  /** The network said how many calls are left until when: believe it. */
  observe(remaining: number | null, resetAt: number | null): void {
    this.refill();
    if (remaining !== null) this.tokens = Math.min(this.tokens, remaining);
    if (remaining === 0 && resetAt !== null) this.blockedUntil = Math.max(this.blockedUntil, resetAt);
  }

  /** The network refused with retry-after: no call before then. */
  blockUntil(at: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, at);
    this.tokens = 0;
    this.updatedAt = this.now();
  }
}

/** One bucket per key (network account), made on first use. */
export class TokenBuckets {
  private readonly buckets = new Map<string, TokenBucket>();
  constructor(private readonly options: TokenBucketOptions) {}

  for(key: string): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new TokenBucket(this.options)));
    return bucket;
  }
}
