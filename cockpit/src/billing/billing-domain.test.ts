import { describe, expect, test } from 'vitest';
import { fc } from '../../../test/support/fast-check.js';
import { assembleInvoices, type BillingStructure, buyerOf, type UsageFact } from './invoices/assemble.js';
import { allocate, showBack } from './invoices/show-back.js';
import { monthBounds } from './metrics.js';
import { divideHalfEven, formatMicro, formatMinor, parseMicro, parseMinor, quantityOf } from './money.js';
import { type PriceEntry, rate, tierProblem } from './prices/rating.js';
import { localUsageCollector, readings } from './usage/collector.js';
import { BodyTooLarge, MAX_LINE_BYTES, splitLines } from './usage/parse.js';

const m = (text: string) => parseMicro(text) ?? 0n;
const flat = (metric: string, price: string, minimum = '0'): PriceEntry => ({
  metric,
  tiers: [{ upToMicro: null, priceMicro: m(price) }],
  minimumMinor: parseMinor(minimum) ?? 0n,
});

describe('exact decimals', () => {
  test('parse and format round-trip; floats-looking text is refused', () => {
    expect(parseMicro('1.5')).toBe(1_500_000n);
    expect(formatMicro(1_500_000n)).toBe('1.5');
    expect(parseMicro('0.000001')).toBe(1n);
    expect(parseMicro('1e3')).toBeUndefined();
    expect(parseMicro('1.0000001')).toBeUndefined();
    expect(parseMicro(' 1')).toBeUndefined();
    expect(parseMinor('49.5')).toBe(4950n);
    expect(parseMinor('49.555')).toBeUndefined();
    expect(formatMinor(12345n)).toBe('123.45');
    expect(formatMinor(5n)).toBe('0.05');
  });

  test('half to even at the minor unit', () => {
    expect(divideHalfEven(5n, 2n)).toBe(2n);
    expect(divideHalfEven(7n, 2n)).toBe(4n);
    expect(divideHalfEven(-5n, 2n)).toBe(-2n);
    expect(divideHalfEven(6n, 4n)).toBe(2n);
    expect(divideHalfEven(5n, 4n)).toBe(1n);
  });

  test('months', () => {
    expect(monthBounds('2026-02')).toEqual({ from: '2026-02-01', to: '2026-03-01', days: 28 });
    expect(monthBounds('2026-12')).toEqual({ from: '2026-12-01', to: '2027-01-01', days: 31 });
  });
});

describe('rating', () => {
  const tiered: PriceEntry = {
    metric: 'stored_gb',
    tiers: [
      { upToMicro: m('1000'), priceMicro: m('0.05') },
      { upToMicro: m('5000'), priceMicro: m('0.04') },
      { upToMicro: null, priceMicro: m('0.03') },
    ],
    minimumMinor: 0n,
  };

  test('graduated tiers: each part at its own price', () => {
    const line = rate(quantityOf(m('6000')), tiered);
    // 1000 × 0.05 + 4000 × 0.04 + 1000 × 0.03 = 50 + 160 + 30
    expect(formatMinor(line.amountMinor)).toBe('240.00');
    expect(line.tiers.map((t) => formatMicro(t.quantityMicro))).toEqual(['1000', '4000', '1000']);
    expect(formatMinor(rate(quantityOf(m('999.5')), tiered).amountMinor)).toBe('49.98');
  });

  test('the minimum fee replaces a smaller amount', () => {
    const line = rate(quantityOf(m('10')), flat('stored_gb', '0.05', '25'));
    expect(line.ratedMinor).toBe(50n);
    expect(formatMinor(line.amountMinor)).toBe('25.00');
  });

  test('an average stays exact until the line is rounded', () => {
    // 31 days at 100 GB plus one at 101 GB (sum 3201) over 31 days at 0.10: 10.32258… → 10.33
    const line = rate(quantityOf(m('3201'), 31n), flat('stored_gb', '0.1'));
    expect(formatMinor(line.amountMinor)).toBe('10.33');
    expect(formatMicro(line.quantityMicro)).toBe('103.258065');
  });

  test('a half cent rounds to even', () => {
    expect(rate(quantityOf(m('1')), flat('x', '0.125')).amountMinor).toBe(12n);
    expect(rate(quantityOf(m('1')), flat('x', '0.135')).amountMinor).toBe(14n);
  });

  test('overlapping or open tiers in the middle are named', () => {
    expect(tierProblem(tiered.tiers)).toBeUndefined();
    expect(
      tierProblem([
        { upToMicro: m('10'), priceMicro: 1n },
        { upToMicro: m('5'), priceMicro: 1n },
        { upToMicro: null, priceMicro: 1n },
      ]),
    ).toEqual({ index: 1, message: expect.stringContaining('overlap') });
    expect(
      tierProblem([
        { upToMicro: null, priceMicro: 1n },
        { upToMicro: null, priceMicro: 1n },
      ])?.index,
    ).toBe(0);
    expect(tierProblem([{ upToMicro: m('5'), priceMicro: 1n }])?.index).toBe(0);
  });

  test('tiers are monotone: more usage never costs less', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.bigInt({ min: 0n, max: 10n ** 13n }), (a, b) => {
        const [low, high] = a < b ? [a, b] : [b, a];
        return rate(quantityOf(low), tiered).amountMinor <= rate(quantityOf(high), tiered).amountMinor;
      }),
    );
  });
});

describe('allocation and show-back', () => {
  test('shares add up exactly', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 9n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 8 }),
        (amount, weights) => {
          const shares = allocate(amount, new Map(weights.map((w, i) => [`u${i}`, w])), 'root');
          return [...shares.values()].reduce((a, b) => a + b, 0n) === amount;
        },
      ),
    );
  });

  test('critical and other systems at their own prices; units sum to the total', () => {
    const result = showBack({
      units: [
        { id: 'internal', parentId: null },
        { id: 'critical', parentId: 'internal' },
        { id: 'other', parentId: 'internal' },
      ],
      facts: [
        { unitId: 'critical', usageClass: 'critical', metric: 'transferred_gb', sumMicro: m('100') },
        { unitId: 'other', usageClass: 'other', metric: 'transferred_gb', sumMicro: m('100') },
      ],
      days: 30,
      list: {
        currency: 'EUR',
        entries: [{ ...flat('transferred_gb', '0.2'), usageClass: 'critical' }, flat('transferred_gb', '0.05')],
      },
    });
    expect(formatMinor(result.totalMinor)).toBe('25.00');
    expect(result.units.get('critical')?.subtreeMinor).toBe(2000n);
    expect(result.units.get('other')?.subtreeMinor).toBe(500n);
    expect(result.units.get('internal')?.subtreeMinor).toBe(result.totalMinor);
  });
});

describe('who invoices whom', () => {
  const structure: BillingStructure = {
    sellers: new Set(['msp', 'reseller']),
    accounts: new Set(['reseller', 'contoso', 'customer-one']),
  };

  test('the first account or seller below the seller on the chain', () => {
    expect(buyerOf('msp', ['msp', 'resellers', 'reseller', 'contoso', 'north'], structure)).toBe('reseller');
    expect(buyerOf('reseller', ['msp', 'resellers', 'reseller', 'contoso', 'north'], structure)).toBe('contoso');
    expect(buyerOf('msp', ['msp', 'internal', 'critical'], structure)).toBeUndefined();
    expect(buyerOf('reseller', ['msp', 'external', 'customer-one'], structure)).toBeUndefined();
  });

  test('every usage fact is billed exactly once per selling level, whatever the order of facts', () => {
    // Random trees: each node's parent is an earlier node; random sellers and accounts; usage at
    // random nodes. For every seller, the quantities on its invoices plus its own usage equal the
    // usage under it, and shuffling or splitting the facts changes no invoice.
    const tree = fc.integer({ min: 2, max: 12 }).chain((size) =>
      fc.record({
        parents: fc.tuple(...Array.from({ length: size - 1 }, (_, i) => fc.integer({ min: 0, max: i }))),
        sellers: fc.subarray(Array.from({ length: size }, (_, i) => i)),
        accounts: fc.subarray(Array.from({ length: size }, (_, i) => i)),
        usage: fc.array(
          fc.record({ node: fc.integer({ min: 0, max: size - 1 }), gb: fc.integer({ min: 0, max: 10_000 }) }),
          {
            maxLength: 30,
          },
        ),
        order: fc.infiniteStream(fc.integer()),
      }),
    );
    fc.assert(
      fc.property(tree, ({ parents, sellers, accounts, usage }) => {
        const id = (i: number) => `u${i}`;
        const chainOf = (i: number): string[] => (i === 0 ? [id(0)] : [...chainOf(parents[i - 1] ?? 0), id(i)]);
        const structure: BillingStructure = { sellers: new Set(sellers.map(id)), accounts: new Set(accounts.map(id)) };
        const facts: UsageFact[] = usage.map((u) => ({
          chain: chainOf(u.node),
          usageClass: 'other',
          metric: 'transferred_gb',
          sumMicro: BigInt(u.gb) * 1_000_000n,
        }));
        for (const seller of sellers.map(id)) {
          const run = (f: readonly UsageFact[]) =>
            assembleInvoices({
              sellerId: seller,
              days: 30,
              usage: f,
              operations: [],
              structure,
              currentBuyers: [],
              priceListFor: () => ({ currency: 'EUR', entries: [flat('transferred_gb', '1')] }),
            });
          const invoiced = run(facts).reduce((sum, inv) => sum + inv.totalMinor, 0n);
          const own = facts
            .filter((f) => f.chain.includes(seller) && !buyerOf(seller, f.chain, structure))
            .reduce((sum, f) => sum + f.sumMicro / 10_000n, 0n);
          const under = facts
            .filter((f) => f.chain.includes(seller))
            .reduce((sum, f) => sum + f.sumMicro / 10_000n, 0n);
          if (invoiced + own !== under) return false;
          const reversed = run([...facts].reverse());
          if (JSON.stringify(reversed, replacer) !== JSON.stringify(run(facts), replacer)) return false;
        }
        return true;
      }),
    );
  });
});

const replacer = (_: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);

describe('the local collector', () => {
  test('measures the same day the same way, in exact decimals, and sometimes misses a day', () => {
    const collector = localUsageCollector();
    const days = Array.from({ length: 200 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    const all = readings(collector, ['a', 'b', 'c'], days);
    expect(readings(collector, ['a', 'b', 'c'], days)).toEqual(all);
    expect(all.length).toBeLessThan(600);
    expect(all.length).toBeGreaterThan(550);
    for (const reading of all) {
      const stored = parseMicro(reading.metrics.stored_gb ?? '') ?? -1n;
      expect(stored).toBeGreaterThanOrEqual(200n * 1_000_000n);
      expect(stored).toBeLessThan(10_000n * 1_000_000n);
      expect(parseMicro(reading.metrics.transferred_gb ?? '')).toBeLessThan(stored);
    }
  });
});

describe('reading an upload line by line', () => {
  const lines = async (chunks: (string | number[])[]) => {
    async function* body() {
      for (const chunk of chunks)
        yield typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk);
    }
    const out: unknown[] = [];
    for await (const batch of splitLines(body(), 1_000_000)) out.push(...batch);
    return out;
  };

  test('lines split across chunks, a bad UTF-8 line and an over-long line are numbered, the rest kept', async () => {
    expect(await lines(['a\nb', 'c\n', [0xff, 0x0a], 'd'])).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: 'bc' },
      { line: 3, error: 'Not valid UTF-8' },
      { line: 4, text: 'd' },
    ]);
    const long = 'x'.repeat(MAX_LINE_BYTES + 1);
    expect(await lines([long.slice(0, 9000), long.slice(9000), '\nok\n'])).toEqual([
      { line: 1, error: `Longer than ${MAX_LINE_BYTES} bytes` },
      { line: 2, text: 'ok' },
    ]);
  });

  test('a body past the limit stops the upload', async () => {
    async function* body() {
      yield new Uint8Array(600);
      yield new Uint8Array(600);
    }
    await expect(async () => {
      for await (const _ of splitLines(body(), 1000));
    }).rejects.toBeInstanceOf(BodyTooLarge);
  });
});
