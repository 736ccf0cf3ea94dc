/**
 * Starter agents (src/agents): whatever the subnet looks like, an honest validator only sends
 * weight vectors the chain's length/range checks accept and never acts inside the rate limit, and
 * an honest miner only serves qualities in [0, 1].
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HonestMiner } from '../../src/agents/miners/honestMiner.ts';
import { HonestValidator, scoresToWeights } from '../../src/agents/validators/honestValidator.ts';
import { Rng } from '../../src/primitives/rng.ts';
import { fakeSubnet, fakeWorld, viewAt } from '../unit/agents/fakeAgentView.ts';

const servedArb = fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null, freq: 3 }), { minLength: 1, maxLength: 24 });

describe('validator.honest (property)', () => {
  it('sends only well-formed weight vectors, outside the rate limit, of the type the subnet wants', () => {
    fc.assert(
      fc.property(
        servedArb,
        fc.nat(),
        fc.record({
          seed: fc.string(),
          noiseSd: fc.double({ min: 0, max: 0.5, noNaN: true }),
          sampleSize: fc.nat(30),
          every: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
          ema: fc.double({ min: 0, max: 1, noNaN: true }),
          rateLimit: fc.nat(80),
          minAllowed: fc.nat(30),
          tempo: fc.integer({ min: 1, max: 60 }),
          cr: fc.boolean(),
          churnUid: fc.nat(),
        }),
        (served, selfDraw, o) => {
          const n = served.length;
          const selfUid = selfDraw % n;
          const w = fakeWorld(
            fakeSubnet(n, { served: served.slice(), tempoBlocks: o.tempo, weightsSetRateLimitBlocks: o.rateLimit, minAllowedWeights: o.minAllowed, commitRevealEnabled: o.cr }),
            selfUid,
          );
          const spec = {
            id: 'p.v.0',
            kind: 'validator.honest',
            group: 'v',
            coldkey: 'ck',
            hotkey: w.self.hotkey, hotkeys: [w.self.hotkey],
            netuid: 1,
            params: { noise_sd: o.noiseSd, sample_size: o.sampleSize, weights_every_blocks: o.every, score_ema: o.ema },
          };
          const v = new HonestValidator(spec, Rng.fromSeed(o.seed));
          let block: number | null = v.firstBlock;
          let lastAct: number | null = null;
          for (let step = 0; step < 8 && block !== null; step++) {
            if (step === 4) {
              // A re-registration mid-run: the churned UID gets a new hotkey and a new quality.
              const sn = w.subnets[0]!;
              const u = o.churnUid % n;
              if (u !== selfUid) {
                sn.hotkeys[u] = `new${u}`;
                sn.served[u] = 0.25;
              }
            }
            const d = v.act(viewAt(w, block));
            if (d.nextBlock !== null) expect(d.nextBlock).toBeGreaterThan(block);
            for (const a of d.actions) {
              expect(a.type).toBe(o.cr ? 'commit_weights' : 'set_weights');
              if (a.type !== 'set_weights' && a.type !== 'commit_weights') continue;
              if (lastAct !== null) expect(block - lastAct).toBeGreaterThanOrEqual(o.rateLimit);
              lastAct = block;
              expect(a.uids.length).toBe(a.values.length);
              expect(a.uids.length).toBeLessThanOrEqual(n);
              expect(a.uids.length).toBeGreaterThanOrEqual(Math.min(n, o.minAllowed));
              for (let i = 1; i < a.uids.length; i++) expect(a.uids[i]!).toBeGreaterThan(a.uids[i - 1]!);
              expect(Math.max(...a.values)).toBe(65535);
              a.uids.forEach((u, i) => {
                const value = a.values[i]!;
                expect(Number.isInteger(u) && u >= 0 && u < n).toBe(true);
                expect(Number.isInteger(value) && value >= 0 && value <= 65535).toBe(true);
                if (value > 0) {
                  expect(u).not.toBe(selfUid);
                  expect(w.subnets[0]!.served[u]).not.toBeNull();
                }
              });
            }
            block = d.nextBlock;
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never gives a lower score a higher weight', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { maxLength: 30 }), (scores) => {
        const w = scoresToWeights(new Map(scores.map((s, u) => [u, s])), 0, []);
        const valueOf = (u: number): number => {
          const i = w.uids.indexOf(u);
          return i < 0 ? 0 : w.values[i]!;
        };
        for (let a = 0; a < scores.length; a++) {
          for (let b = 0; b < scores.length; b++) if (scores[a]! < scores[b]!) expect(valueOf(a)).toBeLessThanOrEqual(valueOf(b));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('miner.honest (property)', () => {
  it('serves only qualities in [0, 1] and always asks for a later block', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.double({ min: -2, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        (seed, mean, driftSd, trend, blocksPerDay) => {
          const spec = {
            id: 'p.m.0',
            kind: 'miner.honest',
            group: 'm',
            coldkey: 'ck',
            hotkey: 'hk1', hotkeys: ['hk1'],
            netuid: 1,
            params: { quality: { distribution: 'normal', mean, sd: 0.5 }, drift_sd_per_day: driftSd, improvement_per_day: trend },
          };
          const miner = new HonestMiner(spec, Rng.fromSeed(seed));
          const w = fakeWorld(fakeSubnet(3), 1, blocksPerDay);
          let block: number | null = miner.firstBlock;
          for (let step = 0; step < 20 && block !== null; step++) {
            const d = miner.act(viewAt(w, block));
            for (const a of d.actions) {
              expect(a.type).toBe('serve');
              if (a.type === 'serve') {
                expect(a.netuid).toBe(1);
                expect(a.quality >= 0 && a.quality <= 1).toBe(true);
              }
            }
            if (d.nextBlock !== null) expect(d.nextBlock).toBeGreaterThan(block);
            block = d.nextBlock;
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
