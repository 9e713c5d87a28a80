// Team queries on a real database.
import { describe, expect, it } from 'vitest';
import {
	createAssessment,
	createOrganization,
	createParticipant,
	createTeam
} from './testing/fixtures';
import { listAssessmentsOfTeam, listTeams, setTeamArchived } from './teams';

describe('listAssessmentsOfTeam()', () => {
	it('lists newest first with each assessment’s own participant count', async () => {
		const org = await createOrganization();
		const team = await createTeam(org.id, 'Zählteam');
		const other = await createTeam(org.id, 'Anderes Team');
		const older = await createAssessment(team.id, { date: '2026-01-10', title: 'Ältere' });
		const newer = await createAssessment(team.id, { date: '2026-06-20', title: 'Neuere' });
		const empty = await createAssessment(team.id, { date: '2026-03-15', title: 'Leere' });
		const foreign = await createAssessment(other.id, { date: '2026-07-01', title: 'Fremde' });
		for (let i = 0; i < 2; i++) await createParticipant(older.id);
		for (let i = 0; i < 5; i++) await createParticipant(newer.id);
		for (let i = 0; i < 4; i++) await createParticipant(foreign.id);

		const list = await listAssessmentsOfTeam(team.id);
		expect(list.map((a) => [a.title, a.date, a.participantCount])).toEqual([
			['Neuere', '2026-06-20', 5],
			['Leere', '2026-03-15', 0],
			['Ältere', '2026-01-10', 2]
		]);
		expect(list.map((a) => a.id)).toEqual([newer.id, empty.id, older.id]);
	});
});

describe('listTeams()', () => {
	it('lists the organisation’s teams by name, archived ones only when asked', async () => {
		const org = await createOrganization();
		const elsewhere = await createOrganization();
		await createTeam(org.id, 'Zeta');
		const alpha = await createTeam(org.id, 'Alpha');
		await createTeam(elsewhere.id, 'Fremd');
		await setTeamArchived(alpha.id, true);
		expect((await listTeams(org.id)).map((t) => t.name)).toEqual(['Zeta']);
		expect((await listTeams(org.id, true)).map((t) => t.name)).toEqual(['Alpha', 'Zeta']);
	});
});
