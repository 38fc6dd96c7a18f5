// Playwright drives Debian's Chromium; it never downloads a browser. Installs it when
// missing and we are root, otherwise says exactly what to install.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

const path = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(path)) {
  if (process.getuid?.() === 0 && !process.env.CHROMIUM_PATH) {
    console.log("Chromium is missing: installing Debian's chromium package…");
    for (const args of [["update", "-qq"], ["install", "-y", "-qq", "chromium"]]) {
      const r = spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
      if (r.status !== 0) process.exit(r.status ?? 1);
    }
  } else {
    console.error(`No Chromium at ${path}. Install Debian's browser (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.`);
    process.exit(1);
  }
}
