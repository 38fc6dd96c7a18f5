import "server-only";
import { apiHandler, type ApiMethod, type ApiRoute } from "../route";
import { memberRoutes } from "./members";
import { invitationRoutes } from "./invitations";
import { groupRoutes } from "./groups";
import { auditRoutes } from "./audit";

/** Every endpoint of the Team API, in the reference's order. */
export const API_ROUTES: readonly ApiRoute[] = [...memberRoutes, ...invitationRoutes, ...groupRoutes, ...auditRoutes];

/** The handler of one declared endpoint, for its app/api/v1 route file; an undeclared one fails at startup. */
export function handler(path: string, method: ApiMethod) {
  const route = API_ROUTES.find((r) => r.path === path && r.method === method);
  if (!route) throw new Error(`No API route is declared for ${method} ${path}.`);
  return apiHandler(route);
}
