import { builder } from '../builder.ts';
import './calendar.ts';
import './certificate.ts';
import './people.ts';
import './announcement.ts';
import './plan.ts';
import './issue.ts';
import './appointment.ts';
import './refs.ts';
import './verification.ts';
import './statistics.ts';

builder.mutationType({ description: 'Everything the hub can be asked to change.' });

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
