// Localised texts for result views and charts, from the message catalogue and the framework.
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { LEVELS, t, type Locale } from '$lib/framework';
import type { LevelState } from '$lib/scoring';
import type { PyramidSvgLabels } from '$lib/charts/pyramid';
import type { RadarLabels } from '$lib/charts/radar';

/** The reader's locale as a framework locale. */
export function locale(): Locale {
	return getLocale() === 'en' ? 'en' : 'de';
}

/** Name of a level state ("erreicht", "im Aufbau", …). */
export function stateLabel(state: LevelState): string {
	switch (state) {
		case 'erreicht':
			return m.results_state_erreicht();
		case 'im_aufbau':
			return m.results_state_im_aufbau();
		case 'ansaetze':
			return m.results_state_ansaetze();
		case 'nicht_erkennbar':
			return m.results_state_nicht_erkennbar();
		default:
			return m.results_state_offen();
	}
}

/** Every text of the pyramid drawing in the reader's language. */
export function pyramidLabels(reachedLevel: number): PyramidSvgLabels {
	const loc = locale();
	return {
		title: m.results_pyramid_svg_title({ level: reachedLevel, total: LEVELS.length }),
		levelTitles: LEVELS.map((level) => t(level.shortTitle, loc)),
		level: m.results_level_word(),
		states: {
			erreicht: stateLabel('erreicht'),
			im_aufbau: stateLabel('im_aufbau'),
			ansaetze: stateLabel('ansaetze'),
			nicht_erkennbar: stateLabel('nicht_erkennbar'),
			offen: stateLabel('offen')
		},
		teamValue: m.results_team_value(),
		next: m.results_mark_next(),
		ahead: m.results_mark_ahead()
	};
}

/** Dataset names of the characteristics radar. */
export function radarLabels(): RadarLabels {
	return {
		teamValue: m.results_team_value(),
		min: m.results_radar_min(),
		max: m.results_radar_max()
	};
}
