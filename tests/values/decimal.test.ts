/** src/values/decimal.ts: shared decimals and the tolerance test every finding uses, against decimal.js itself. */
import fc from "fast-check";
import Decimal from "decimal.js";
import { decimalFromNumber, decimalOf, near, sumOf } from "../../src/values/decimal";
import { plainFixed } from "../../src/values/format";
import { roundScore } from "../../src/rules/round";

const exactNear = (a: number, b: number, tolerance: number) => new Decimal(a).minus(b).abs().lte(tolerance);

describe("near", () => {
  test("on the bound exactly, as decimals (0.025 against 0.02 with 0.005), whatever the doubles say", () => {
    expect(0.025 - 0.02).toBeGreaterThan(0.005); // the doubles alone would say "not near"
    expect(near(0.025, 0.02, 0.005)).toBe(true);
    expect(near(2.005, 2, 0.005)).toBe(true);
    expect(near(1.005, 1, 0.005)).toBe(true);
    expect(near(2.0051, 2, 0.005)).toBe(false);
    expect(near(96.16, 96.165, 0.005)).toBe(true);
    expect(near(96.16, 96.1651, 0.005)).toBe(false);
  });

  test("decimals and numbers mixed", () => {
    expect(near(new Decimal("10.004"), 10, 0.005)).toBe(true);
    expect(near(10, new Decimal("10.006"), 0.005)).toBe(false);
  });

  test("same answer as decimal.js for scores, weights and totals (cent grid, near the bound, large and small)", () => {
    const cents = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100);
    const thousandths = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 1000);
    const any = fc.double({ min: -1e7, max: 1e7, noNaN: true });
    const value = fc.oneof(cents, thousandths, any);
    const tolerance = fc.constantFrom(0, 0.005, 0.01, 0.5, 1);
    fc.assert(
      fc.property(value, fc.integer({ min: -30, max: 30 }), tolerance, fc.boolean(), (a, k, tol, offset) => {
        // b a few thousandths from a: many pairs sit on or next to the bound.
        const b = offset ? Number((a + k / 1000).toFixed(6)) : a + k;
        expect(near(a, b, tol)).toBe(exactNear(a, b, tol));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("decimalOf / decimalFromNumber / sumOf", () => {
  test("the decimal JavaScript prints; one instance per number", () => {
    expect(decimalOf(0.1).toString()).toBe("0.1");
    expect(decimalOf(0.1)).toBe(decimalOf(0.1));
    expect(decimalOf(1e21).eq(new Decimal(1e21))).toBe(true);
  });

  test("cell numbers lose binary noise at 15 digits, as Excel shows them", () => {
    expect(decimalFromNumber(0.9540000000000001).toString()).toBe("0.954");
    expect(decimalFromNumber(0.1 + 0.2).toString()).toBe("0.3");
    expect(decimalFromNumber(-0).isZero()).toBe(true);
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(decimalFromNumber(n).eq(new Decimal(Number(n.toPrecision(15)).toString()))).toBe(true);
      }),
    );
  });

  test("sums exactly: 0.1 + 0.2 is 0.3, and a hundred 0.01 weights are 1", () => {
    expect(sumOf([0.1, 0.2]).toString()).toBe("0.3");
    expect(sumOf(Array(100).fill(0.01)).toString()).toBe("1");
    expect(sumOf([]).toString()).toBe("0");
  });
});

describe("plainFixed and roundScore keep what rounding then printing gave", () => {
  const decimals = fc
    .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: -3, max: 9 }))
    .map(([digits, shift]) => new Decimal(digits.toString()).times(new Decimal(10).pow(-shift)));

  test("the same text as toDecimalPlaces then toFixed with trailing zeros stripped", () => {
    fc.assert(
      fc.property(decimals, fc.integer({ min: 0, max: 4 }), (d, places) => {
        const before = d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed().replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
        expect(plainFixed(d, places)).toBe(before);
      }),
      { numRuns: 5_000 },
    );
    expect(plainFixed(new Decimal("-0.00001"), 4)).toBe("0");
    expect(plainFixed(new Decimal("2.50"), 2)).toBe("2.5");
  });

  test("roundScore equals toDecimalPlaces for every rounding option", () => {
    const modes = { "half-up-2": [2, Decimal.ROUND_HALF_UP], "half-up-1": [1, Decimal.ROUND_HALF_UP], integer: [0, Decimal.ROUND_HALF_UP], "truncate-2": [2, Decimal.ROUND_DOWN] } as const;
    fc.assert(
      fc.property(decimals, fc.constantFrom(...(Object.keys(modes) as (keyof typeof modes)[])), (d, rounding) => {
        const [places, mode] = modes[rounding];
        expect(roundScore(d, rounding).eq(d.toDecimalPlaces(places, mode))).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });
});
