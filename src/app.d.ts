import type { auth } from '$lib/server/auth';

type SessionResult = NonNullable<Awaited<ReturnType<typeof auth.api.getSession>>>;

declare global {
	namespace App {
		interface Locals {
			user: SessionResult['user'] | null;
			session: SessionResult['session'] | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
