import type { ServerResponse } from "node:http";
export function holdServerErrors(res: ServerResponse, onHeld: (replay: () => void) => void): void;
