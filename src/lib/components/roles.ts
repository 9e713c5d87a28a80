import { m } from '$lib/paraglide/messages';

/** The display name of an organisation role. */
export function roleLabel(role: string | null): string {
	switch (role) {
		case 'owner':
			return m.role_owner();
		case 'admin':
			return m.role_admin();
		case 'manager':
			return m.role_manager();
		case 'facilitator':
			return m.role_facilitator();
		default:
			return m.role_member();
	}
}

/** The display name of an assessment status. */
export function statusLabel(status: string): string {
	if (status === 'laeuft') return m.status_laeuft();
	if (status === 'abgeschlossen') return m.status_abgeschlossen();
	return m.status_entwurf();
}

/** The display name of an assessment mode. */
export function modeLabel(mode: string): string {
	if (mode === 'single_screen') return m.mode_single_screen();
	if (mode === 'plenary') return m.mode_plenary();
	return m.mode_workshop();
}
