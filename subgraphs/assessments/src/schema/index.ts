import { builder } from '../builder.ts';
import { objects } from './reach.ts';
import './calendar.ts';
import './certificate.ts';
import './people.ts';
import './announcement.ts';
import './candidate.ts';
import './plan.ts';
import './plan-mutations.ts';
import './modules.ts';
import './contest.ts';
import './plan-changes.ts';
import './worker-record.ts';
import './examined.ts';
import './direct-evidence.ts';
import './imports.ts';
import './committee.ts';
import './work-scheme.ts';
import './application.ts';
import './issue.ts';
import './appointment.ts';
import './refs.ts';
import './verification.ts';
import './statistics.ts';
import './feed.ts';
import './webhooks.ts';

builder.mutationType({ description: 'Everything the hub can be asked to change.' });

// Object rules last: they wrap the resolvers every plugin (scope-auth, federation) has produced.
export const schema = objects.apply(builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' }));
