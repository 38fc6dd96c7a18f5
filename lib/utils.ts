import { clsx, type ClassValue } from "clsx"
import { twMerge } from "tailwind-merge"

/**
 * Joins class names. Nothing is merged in production: a component's own look is a named
 * class in the components layer of app/globals.css (`.btn`, `.ui-input`, `.ui-popover`,
 * …), and any utility passed in `className` wins over it by layer, so tailwind-merge
 * (10 KB compressed on every page) stays out of the browser. In development and tests it
 * still looks for two utilities in one list that fight (`w-72` and `w-80`), which only it
 * could have settled, and says which.
 */
export function cn(...inputs: ClassValue[]) {
  const classes = clsx(inputs)
  if (process.env.NODE_ENV !== "production") warnOnConflicts(classes)
  return classes
}

function warnOnConflicts(classes: string) {
  const kept = new Set(twMerge(classes).split(" "))
  const dropped = [...new Set(classes.split(" "))].filter((c) => c && !kept.has(c))
  if (dropped.length > 0) console.warn(`cn(): "${dropped.join(" ")}" is overridden by a later class in "${classes}"; remove one of them.`)
}

/** Upper-case initials for an avatar fallback, e.g. ("ada", "lovelace") -> "AL". */
export function initials(firstName: string, lastName: string): string {
  const first = (firstName ?? "").trim().charAt(0)
  const last = (lastName ?? "").trim().charAt(0)
  const result = `${first}${last}`.toUpperCase()
  return result || "?"
}
