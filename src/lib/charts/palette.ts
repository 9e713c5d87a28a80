// Chart colours, the same values as the --sk-* custom properties in src/app.css. Charts are drawn
// on the server too (PDF), where no CSS exists, so they take the hex values from here;
// palette.spec.ts keeps both in step.

/** The level colours, index 0 = level 1 (lightest) … index 4 = level 5 (darkest). */
export const LEVEL_COLORS = ['#d6e6f2', '#a9cbe4', '#6fa6d0', '#3b7fb5', '#1c5c8c'] as const;

/** Colours shared by every chart. */
export const PALETTE = {
	blue: '#1c5c8c',
	blueDark: '#123e5f',
	gold: '#f2b84b',
	green: '#2e7d4f',
	grey: '#5f6b76',
	open: '#eef1f4',
	/** Text on light fills (contrast ≥ 4.5:1 on every level colour up to level 4 and on white). */
	ink: '#0b1f30',
	/** Text on the darkest level colour. */
	inkOnDark: '#ffffff'
} as const;

/** The custom property name in app.css for each palette entry (checked by palette.spec.ts). */
export const CSS_VARIABLES: Record<string, string> = {
	'--sk-blue': PALETTE.blue,
	'--sk-blue-dark': PALETTE.blueDark,
	'--sk-gold': PALETTE.gold,
	'--sk-green': PALETTE.green,
	'--sk-grey': PALETTE.grey,
	'--sk-open': PALETTE.open,
	'--sk-level-1': LEVEL_COLORS[0],
	'--sk-level-2': LEVEL_COLORS[1],
	'--sk-level-3': LEVEL_COLORS[2],
	'--sk-level-4': LEVEL_COLORS[3],
	'--sk-level-5': LEVEL_COLORS[4]
};

/** `#rrggbb` with an alpha channel as an `rgba()` string (Chart.js fills). */
export function withAlpha(hex: string, alpha: number): string {
	const n = Number.parseInt(hex.slice(1), 16);
	return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
