// Scoring engine benchmark: a plenary of 1,000 participants × 11 items (5 levels + 6
// characteristics). Times summarizeAll + pyramidResult against a plain loop that only sums the
// same values, and prints both and their ratio. Run: npx tsx bench/scoring.bench.ts
import { performance } from 'node:perf_hooks';
import {
	pyramidResult,
	summarizeAll,
	type Confidence,
	type RatingInput,
	type RatingValue
} from '../src/lib/scoring';

const PARTICIPANTS = 1_000;
const LEVEL_KEYS = ['level.1', 'level.2', 'level.3', 'level.4', 'level.5'];
const TRAIT_KEYS = ['trait.1', 'trait.2', 'trait.3', 'trait.4', 'trait.5', 'trait.6'];
const ITEM_KEYS = [...LEVEL_KEYS, ...TRAIT_KEYS];
const ACTOR_KEYS = Array.from({ length: 12 }, (_, i) => `actor.${i + 1}`);
const CONFIDENCES: (Confidence | null)[] = ['sicher', 'eher_sicher', 'unsicher', null];
const WARMUP_RUNS = 100;
const MEASURED_RUNS = 51;
/** Calls per measured run, so each run lasts long enough for the timer. */
const CALLS_PER_RUN = 20;

/** mulberry32: a small seeded PRNG, so every run benchmarks the same plenary. */
function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function buildPlenary(seed: number): RatingInput[] {
	const random = seededRandom(seed);
	const ratings: RatingInput[] = [];
	for (let p = 0; p < PARTICIPANTS; p++) {
		// about 70 % tag an actor group
		const actorGroup = random() < 0.7 ? ACTOR_KEYS[Math.floor(random() * ACTOR_KEYS.length)] : null;
		for (const itemKey of ITEM_KEYS) {
			// about 10 % "kann ich nicht einschätzen"
			const value = random() < 0.1 ? null : (Math.floor(random() * 5) as RatingValue);
			const confidence = CONFIDENCES[Math.floor(random() * CONFIDENCES.length)];
			ratings.push({ participantId: `p${p}`, itemKey, value, confidence, actorGroup });
		}
	}
	// shuffle so the ratings of one item are not adjacent, as in live data
	for (let i = ratings.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[ratings[i], ratings[j]] = [ratings[j], ratings[i]];
	}
	return ratings;
}

let sink = 0;

function scoreOnce(ratings: readonly RatingInput[]): void {
	const summaries = summarizeAll(ITEM_KEYS, ratings, [], 3);
	const pyramid = pyramidResult(LEVEL_KEYS.map((key) => summaries[key].teamValue));
	sink += pyramid.stufenwertNumber;
}

function baselineOnce(ratings: readonly RatingInput[]): void {
	let sum = 0;
	for (const rating of ratings) sum += rating.value ?? 0;
	sink += sum;
}

/** Median of a list of numbers. */
function median(values: number[]): number {
	const sorted = values.slice().sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** Milliseconds per call of one batch of `CALLS_PER_RUN` calls. */
function timeBatch(fn: (ratings: readonly RatingInput[]) => void, ratings: RatingInput[]): number {
	const start = performance.now();
	for (let i = 0; i < CALLS_PER_RUN; i++) fn(ratings);
	return (performance.now() - start) / CALLS_PER_RUN;
}

/** Median time per call in milliseconds over the measured runs, after the function's warm-up. */
function measure(fn: (ratings: readonly RatingInput[]) => void, ratings: RatingInput[]): number {
	for (let run = 0; run < WARMUP_RUNS; run++) timeBatch(fn, ratings);
	const times: number[] = [];
	for (let run = 0; run < MEASURED_RUNS; run++) times.push(timeBatch(fn, ratings));
	return median(times);
}

const ratings = buildPlenary(20240917);
// Measured one after the other, each in its warmed-up steady state. (Interleaving the two makes
// the baseline several times slower through the scoring's garbage, which flatters the ratio.)
const baseline = measure(baselineOnce, ratings);
const scoring = measure(scoreOnce, ratings);

const ms = (x: number): string => `${x.toFixed(4)} ms`;
console.log(
	`node ${process.version}, ${ratings.length} ratings (${PARTICIPANTS} × ${ITEM_KEYS.length})`
);
console.log(`median of ${MEASURED_RUNS} runs × ${CALLS_PER_RUN} calls after warm-up, per call:`);
console.log(`  summarizeAll + pyramidResult  ${ms(scoring)}`);
console.log(`  baseline (sum of values)      ${ms(baseline)}`);
console.log(`  ratio                         ${(scoring / baseline).toFixed(1)}×`);
if (Number.isNaN(sink)) console.log('unreachable');
