import type { Cookies } from '@sveltejs/kit';
import { config } from './config';

export const PARTICIPANT_COOKIE_PREFIX = 'sk_p_';

/** One httpOnly cookie per assessment holds the anonymous participant id on this device. */
export function participantCookieName(assessmentId: string): string {
	return `${PARTICIPANT_COOKIE_PREFIX}${assessmentId.replace(/[^a-zA-Z0-9-]/g, '')}`;
}

/** The participant id stored on this device for the assessment, if any. */
export function readParticipantId(cookies: Cookies, assessmentId: string): string | undefined {
	return cookies.get(participantCookieName(assessmentId)) || undefined;
}

/** Remembers the participant on this device (httpOnly, SameSite=Lax, Secure over https). */
export function writeParticipantId(cookies: Cookies, assessmentId: string, participantId: string) {
	cookies.set(participantCookieName(assessmentId), participantId, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: config.origin.startsWith('https:'),
		maxAge: 60 * 60 * 24 * 180
	});
}

/** Forgets the participant on this device ("Neue Person an diesem Gerät"). */
export function clearParticipantId(cookies: Cookies, assessmentId: string) {
	cookies.delete(participantCookieName(assessmentId), { path: '/' });
}

/** Every `[assessment id, participant id]` this device holds a participant cookie for. */
export function participantCookies(
	cookies: Cookies
): [assessmentId: string, participantId: string][] {
	return cookies
		.getAll()
		.filter((c) => c.name.startsWith(PARTICIPANT_COOKIE_PREFIX) && c.value)
		.map((c) => [c.name.slice(PARTICIPANT_COOKIE_PREFIX.length), c.value]);
}
