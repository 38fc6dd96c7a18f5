// GET/POST /api/auth/* — Auth.js endpoints (session, CSRF token, callbacks).
export { GET, POST } from "@/lib/auth/handlers";
