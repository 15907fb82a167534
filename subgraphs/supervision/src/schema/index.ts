import { builder } from '../builder.ts';
import './case.ts';
import './case-mutations.ts';
import './pool.ts';
import './campaign.ts';
import './complaint.ts';
import './signals.ts';
import './dispatch.ts';
import './certificates.ts';
import './audit.ts';

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
