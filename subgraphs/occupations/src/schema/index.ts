import { builder } from '../builder.ts';
import { objects } from './reach.ts';
import './refs.ts';
import './occupation.ts';
import './work-type.ts';
import './levels.ts';
import './skill.ts';
import './match.ts';
import './mapping.ts';

builder.mutationType({ description: 'Everything the hub can be asked to change.' });

// Object rules last: they wrap the resolvers every plugin (scope-auth, federation) has produced.
export const schema = objects.apply(builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' }));
