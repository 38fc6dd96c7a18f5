// The production build the servers run: the one `npm test` made, rebuilt only when a
// source file is newer (scripts/lib/build.ts).
import { buildIfStale } from "../../../scripts/lib/build";

export default function setup() {
  buildIfStale();
}
