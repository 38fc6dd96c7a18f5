import type { Config } from "tailwindcss"

/**
 * Tailwind CSS 4 is configured in CSS: the theme (colours, radii, fonts,
 * dark variant) lives in app/globals.css (`@theme inline` + CSS variables).
 * This file is intentionally minimal and is NOT loaded via `@config`;
 * it only documents which files hold class names.
 */
const config: Config = {
  content: [
    "./app/**/*.{ts,tsx}",
    "./components/**/*.{ts,tsx}",
    "./lib/**/*.{ts,tsx}",
  ],
}

export default config
