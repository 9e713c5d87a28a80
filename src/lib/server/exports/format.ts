// Small formatting helpers shared by the CSV exports and the PDF action plan.
import { getItem, t, type Locale } from '../../framework';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';

/** The reader's locale as a framework locale. */
export function readerLocale(): Locale {
	return getLocale() === 'en' ? 'en' : 'de';
}

/** A number with `digits` decimals and a decimal comma (German spreadsheets read it as a number). */
export function decimalComma(value: number, digits: number): string {
	const fixed = value.toFixed(digits);
	return digits > 0 ? fixed.replace('.', ',') : fixed;
}

/** YYYY-MM-DD as DD.MM.YYYY (German) or DD/MM/YYYY (English); '' for none. */
export function displayDate(iso: string | null | undefined, locale: Locale = readerLocale()) {
	if (!iso) return '';
	const [y, mo, d] = iso.slice(0, 10).split('-');
	if (!y || !mo || !d) return '';
	return locale === 'de' ? `${d}.${mo}.${y}` : `${d}/${mo}/${y}`;
}

/** Full title of a rated item, or the key when the framework no longer knows it. */
export function itemTitle(key: string, locale: Locale = readerLocale()): string {
	const item = getItem(key);
	return item ? t(item.title, locale) : key;
}

/** Short name of a rated item: "Stufe 2 · Anteil nehmen" for levels, the short title for traits. */
export function itemShortName(key: string | null, locale: Locale = readerLocale()): string {
	if (!key) return '';
	const item = getItem(key);
	if (!item) return key;
	const short = t(item.shortTitle, locale);
	return item.kind === 'level' ? `${m.exports_level({ level: item.level })} · ${short}` : short;
}
