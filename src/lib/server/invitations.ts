import { and, eq, gt } from 'drizzle-orm';
import { db } from './db';
import { invitation, organization } from './db/schema';

/** A pending, unexpired invitation with its organisation's name, or undefined. */
export async function findOpenInvitation(id: string) {
	const [row] = await db
		.select({
			id: invitation.id,
			email: invitation.email,
			role: invitation.role,
			expiresAt: invitation.expiresAt,
			organizationId: invitation.organizationId,
			organizationName: organization.name
		})
		.from(invitation)
		.innerJoin(organization, eq(organization.id, invitation.organizationId))
		.where(
			and(
				eq(invitation.id, id),
				eq(invitation.status, 'pending'),
				gt(invitation.expiresAt, new Date())
			)
		)
		.limit(1);
	return row;
}
