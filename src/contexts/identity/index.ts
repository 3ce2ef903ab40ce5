/** The identity context's public face. */
export { IdentityService, actorOf } from './identity.service.ts';
export type { IdentityOptions, OrgDto, PreparedPassword, SessionUserDto, UserDto, UserKind } from './identity.service.ts';
export { ROLES, ROLE_NAMES, scopesOf } from './roles.ts';
export type { Role } from './roles.ts';
export { registerIdentityRoutes } from './identity.routes.ts';
export { seedIdentityDemo, DEMO_PASSWORD } from './identity.demo.ts';
