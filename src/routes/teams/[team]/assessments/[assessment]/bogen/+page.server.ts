import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireAssessment } from '$lib/server/access';
import { joinUrlOf } from '$lib/server/assessments';
import { paperItems } from '$lib/server/paper';
import { questionsOfAssessment } from '$lib/server/questions';
import type { Locale } from '$lib/framework';
import { getLocale } from '$lib/paraglide/runtime';

export const load: PageServerLoad = async (event) => {
	const { assessment, team } = await requireAssessment(
		event,
		event.params.assessment,
		'assessment:read'
	);
	if (assessment.teamId !== event.params.team) error(404, 'not_found');
	const locale: Locale = getLocale() === 'en' ? 'en' : 'de';
	const [items, questions] = await Promise.all([
		paperItems(assessment),
		questionsOfAssessment(assessment.id, team.organizationId, locale)
	]);
	const joinCode = assessment.status === 'abgeschlossen' ? null : assessment.joinCode;
	return {
		assessment: { id: assessment.id, title: assessment.title, date: assessment.date },
		team: { id: team.id, name: team.name },
		items,
		questions: questions.map((q) => ({ key: q.key, text: q.text, hint: q.hint })),
		joinCode,
		joinUrl: joinCode ? joinUrlOf(joinCode) : null
	};
};
